package dk.noegletal.comparison;

import dk.noegletal.common.ProblemException;
import dk.noegletal.export.Tabular;
import dk.noegletal.keyfigure.Classification;
import dk.noegletal.keyfigure.KeyFigureService;
import dk.noegletal.keyfigure.ToleranceParameter;
import dk.noegletal.timeseries.LatestPeriodService;
import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.PeriodParameter;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/areas/{code}/comparison")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comparisons", description = "An area's key figures beside its region, the country and clusters.")
public class ComparisonResource {

    private final ComparisonService service;
    private final KeyFigureService keyFigures;
    private final LatestPeriodService latest;

    ComparisonResource(ComparisonService service, KeyFigureService keyFigures, LatestPeriodService latest) {
        this.service = service;
        this.keyFigures = keyFigures;
        this.latest = latest;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "getComparison", summary = "Compare an area's change with its region, the country and "
            + "clusters",
            description = "For the area and each area it is compared with: full-time persons, the change on the same "
                    + "period a year earlier, the share of the population 16-66 and its change in percentage points. "
                    + "Each comparison row classifies the area's change percent against that row's: the difference "
                    + "in percentage points (changeDifferencePp = the area's change percent − the row's) within "
                    + "±tolerancePp is on level, above it higher, below it lower. A region, cluster or the country "
                    + "has no region: that entry is skipped and listed in 'skipped' with the reason.")
    @APIResponse(responseCode = "200", description = "The comparison.")
    @APIResponse(responseCode = "400", description = "A missing or malformed period or target group, an unknown "
            + "entry in 'with', or a tolerance that is not a number from 0 to 100.")
    @APIResponse(responseCode = "404", description = "Unknown area or target group, or latest where nothing is "
            + "stored for the area.")
    public ComparisonDto get(
            @Parameter(description = "Area code (a municipality, region, the country or a cluster).", example = "157")
            @PathParam("code") String code,
            @Parameter(description = "Target-group code, or i-alt for the total.", example = "dagpenge",
                    required = true) @QueryParam("targetGroup") String targetGroup,
            @Parameter(description = PeriodParameter.DESCRIPTION_OR_LATEST + " Latest looks at the area's "
                    + "stored full-time persons (a cluster's: its members'), not at those it is compared with.",
                    example = "2018", required = true) @QueryParam("period") String period,
            @Parameter(description = "The areas to compare with, comma-separated or repeated: region (a "
                    + "municipality's region), country, cluster:CODE, or any area code. By default region,country.",
                    example = "region,country,cluster:nordsjaelland")
            @QueryParam("with") List<String> with,
            @Parameter(description = "How many percentage points the change percents may differ and still be "
                    + "on level.", schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "100",
                            defaultValue = Classification.DEFAULT_TOLERANCE))
            @QueryParam("tolerancePp") @DefaultValue(Classification.DEFAULT_TOLERANCE) String tolerancePp) {
        PeriodParameter.Given givenPeriod = PeriodParameter.requiredOrLatest("period", period);
        if (targetGroup == null || targetGroup.isBlank()) {
            throw invalid("The parameter 'targetGroup' is required; use a code from "
                    + "/api/v1/target-groups, or i-alt for the total.");
        }
        String group = targetGroup.trim();
        List<ComparisonWith> parsedWith = ComparisonWith.parse(with);
        BigDecimal tolerance = ToleranceParameter.parse(tolerancePp);
        keyFigures.requireTargetGroup(group);
        Period parsedPeriod = givenPeriod.resolve(word -> latest.ofArea(code, word));
        return service.compare(new ComparisonService.Query(code, group, parsedPeriod, parsedWith, tolerance))
                .orElseThrow(() -> ProblemException.notFound("There is no area with code " + code + "."));
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-parameter", "Invalid request parameter", detail);
    }
}
