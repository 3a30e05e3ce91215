package dk.noegletal.keyfigure;

import dk.noegletal.common.ProblemException;
import dk.noegletal.export.Tabular;
import dk.noegletal.timeseries.LatestPeriodService;
import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.PeriodParameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/areas/{code}/key-figures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Key figures", description = "Figures computed from the stored series.")
public class KeyFigureResource {

    private final KeyFigureService service;
    private final LatestPeriodService latest;

    KeyFigureResource(KeyFigureService service, LatestPeriodService latest) {
        this.service = service;
        this.latest = latest;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "getKeyFigures", summary = "Get an area's key figures for a period",
            description = "For every target group in catalogue order and then \"I alt\": average full-time persons "
                    + "over the period (a quarter or year is the average of its months), the change on the same "
                    + "period a year earlier, the national share and the share of the population 16-66 with their "
                    + "changes, how complete the period is, and a note for every null figure.")
    @APIResponse(responseCode = "200", description = "The key figures.")
    @APIResponse(responseCode = "400", description = "A missing or malformed period.")
    @APIResponse(responseCode = "404", description = "Unknown area or target group, or latest where nothing is "
            + "stored for the area.")
    public KeyFiguresDto get(
            @Parameter(description = "Area code.", example = "157") @PathParam("code") String code,
            @Parameter(description = PeriodParameter.DESCRIPTION_OR_LATEST + " Latest looks at the area's "
                    + "stored full-time persons (a cluster's: its members').", example = "2018", required = true)
            @QueryParam("period") String period,
            @Parameter(description = "Only this target group (a code, or i-alt for the total).")
            @QueryParam("targetGroup") String targetGroup) {
        PeriodParameter.Given given = PeriodParameter.requiredOrLatest("period", period);
        Optional<String> group = Optional.ofNullable(targetGroup).filter(g -> !g.isBlank());
        group.ifPresent(service::requireTargetGroup);
        Period parsed = given.resolve(word -> latest.ofArea(code, word));
        return service.keyFigures(code, parsed, group)
                .orElseThrow(() -> ProblemException.notFound("There is no area with code " + code + "."));
    }
}
