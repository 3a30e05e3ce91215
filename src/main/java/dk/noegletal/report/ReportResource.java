package dk.noegletal.report;

import dk.noegletal.common.ProblemException;
import dk.noegletal.export.Tabular;
import dk.noegletal.keyfigure.Classification;
import dk.noegletal.keyfigure.ToleranceParameter;
import dk.noegletal.timeseries.Granularity;
import dk.noegletal.timeseries.LatestPeriod;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/areas/{code}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "The reports the committees read.")
public class ReportResource {

    private static final int MAX_YEARS = 10;

    private final ReportService service;
    private final LatestPeriodService latest;

    ReportResource(ReportService service, LatestPeriodService latest) {
        this.service = service;
        this.latest = latest;
    }

    @GET
    @Path("/annual")
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "getAnnualReport", summary = "Get the annual key-figure appendix",
            description = "The målgruppeoversigt: every target group in catalogue order (parents then sub-groups) "
                    + "and \"I alt\", with each year's average full-time persons, national share and change on the "
                    + "year before.")
    @APIResponse(responseCode = "200", description = "The appendix.")
    @APIResponse(responseCode = "400", description = "A missing or malformed year.")
    @APIResponse(responseCode = "404", description = "Unknown area, or latest where nothing is stored for it.")
    public AnnualReportDto annual(
            @Parameter(description = "Area code.", example = "157") @PathParam("code") String code,
            @Parameter(description = "The last year of the report (1900-2199), or latest (also latest-year) for "
                    + "the newest year with any month, quarter or annual value stored for the area, which may be "
                    + "partial (see completeness); the answer's year is the one it resolved to.", example = "2018",
                    required = true, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("year") String year,
            @Parameter(description = "How many years, ending with `year`.", example = "3",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_YEARS,
                            defaultValue = "3"))
            @QueryParam("years") @DefaultValue("3") String years) {
        PeriodParameter.Given given = PeriodParameter.requiredOrLatest("year", year);
        if (given.period() != null && given.period().granularity() != Granularity.YEAR
                || given.latest() != null && given.latest().asOnly(Granularity.YEAR).isEmpty()) {
            throw invalid("The parameter 'year' must be a year such as 2018, or latest, not "
                    + (given.period() != null ? given.period() : given.latest()) + ".");
        }
        int count = count(years);
        Period last = given.resolve(word -> latest.ofArea(code, LatestPeriod.LATEST_YEAR));
        return service.annual(code, last.year(), count).orElseThrow(() -> noArea(code));
    }

    @GET
    @Path("/quarterly/{quarter}")
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "getQuarterlyReport", summary = "Get the quarterly report",
            description = "For every target group and \"I alt\": the quarter average, the change on the same quarter "
                    + "last year and on the previous quarter, the national share and its change, the share of the "
                    + "population, the comparison with the region and the country, completeness, and the import "
                    + "the figures come from. Where only annual values are stored, a notice says so.")
    @APIResponse(responseCode = "200", description = "The report.")
    @APIResponse(responseCode = "400", description = "A malformed quarter or tolerance.")
    @APIResponse(responseCode = "404", description = "Unknown area, or latest where nothing is stored for it.")
    public QuarterlyReportDto quarterly(
            @Parameter(description = "Area code.", example = "157") @PathParam("code") String code,
            @Parameter(description = "The quarter: 2018Q4 or 2018Q04; or latest (also latest-quarter) for the "
                    + "newest quarter with any month or quarterly value stored for the area, which may be partial "
                    + "(see completeness); the answer's quarter is the one it resolved to.", example = "2018Q4")
            @PathParam("quarter") String quarter,
            @Parameter(description = "How far apart two changes may be, in percentage points, and still be \"on "
                    + "level\".", schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "100",
                            defaultValue = Classification.DEFAULT_TOLERANCE))
            @QueryParam("tolerancePp") String tolerancePp) {
        PeriodParameter.Given given = PeriodParameter.requiredOrLatest("quarter", quarter);
        if (given.period() != null && given.period().granularity() != Granularity.QUARTER
                || given.latest() != null && given.latest().asOnly(Granularity.QUARTER).isEmpty()) {
            throw invalid("The quarter must be written like 2018Q4, or latest, not " + quarter + ".");
        }
        BigDecimal tolerance = ToleranceParameter.parse(tolerancePp);
        Period period = given.resolve(word -> latest.ofArea(code, LatestPeriod.LATEST_QUARTER));
        return service.quarterly(code, period, tolerance).orElseThrow(() -> noArea(code));
    }

    private static int count(String years) {
        try {
            int count = Integer.parseInt(years.trim());
            if (count >= 1 && count <= MAX_YEARS) {
                return count;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("The parameter 'years' must be a whole number from 1 to " + MAX_YEARS + ".");
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.invalidParameter(detail);
    }

    private static ProblemException noArea(String code) {
        return ProblemException.notFound("There is no area with code " + code + ".");
    }
}
