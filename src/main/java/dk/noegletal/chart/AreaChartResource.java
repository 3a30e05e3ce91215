package dk.noegletal.chart;

import dk.noegletal.common.ProblemException;
import dk.noegletal.keyfigure.KeyFigureService;
import dk.noegletal.keyfigure.KeyFiguresDto;
import dk.noegletal.report.AnnualReportDto;
import dk.noegletal.report.ReportService;
import dk.noegletal.timeseries.Granularity;
import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.PeriodParameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The target groups' charts of an area as SVG: the annual appendix's averages, the changes of the key figures. */
@Path("/api/v1/areas/{code}/charts")
@Produces(ChartResource.SVG)
@Tag(name = "Charts", description = "The report's charts as SVG, each with a title and a text alternative.")
public class AreaChartResource {

    private final ReportService reports;
    private final KeyFigureService keyFigures;

    AreaChartResource(ReportService reports, KeyFigureService keyFigures) {
        this.reports = reports;
        this.keyFigures = keyFigures;
    }

    @GET
    @Path("/annual-averages")
    @Operation(operationId = "getAnnualAveragesChart", summary = "Each target group's annual average over years",
            description = "The annual appendix's full-time persons of each top-level target group, one bar per year.")
    @APIResponse(responseCode = "200", description = "The chart.")
    @APIResponse(responseCode = "400", description = "A missing or malformed year.")
    @APIResponse(responseCode = "404", description = "Unknown area.")
    public String annualAverages(
            @Parameter(description = "Area code.", example = "157") @PathParam("code") String code,
            @Parameter(description = "The last year.", example = "2018", required = true,
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("year") String year) {
        return Charts.annualAverages(annual(code, year));
    }

    @GET
    @Path("/changes")
    @Operation(operationId = "getChangesChart", summary = "The change in full-time persons beside the change in "
            + "national share, per target group",
            description = "From the key figures of the period: each top-level group's change on the same period a "
                    + "year earlier in percent, beside the relative change of its national share.")
    @APIResponse(responseCode = "200", description = "The chart.")
    @APIResponse(responseCode = "400", description = "A missing or malformed period.")
    @APIResponse(responseCode = "404", description = "Unknown area.")
    public String changes(
            @Parameter(description = "Area code.", example = "157") @PathParam("code") String code,
            @Parameter(description = "Month, quarter or year.", example = "2018", required = true)
            @QueryParam("period") String period) {
        Period parsed = PeriodParameter.required("period", period);
        KeyFiguresDto figures = keyFigures.keyFigures(code, parsed, Optional.empty())
                .orElseThrow(() -> ProblemException.notFound("There is no area with code " + code + "."));
        return Charts.changes(figures);
    }

    private AnnualReportDto annual(String code, String year) {
        Period parsed = PeriodParameter.required("year", year);
        if (parsed.granularity() != Granularity.YEAR) {
            throw ProblemException.invalidParameter("The parameter 'year' must be a year such as 2018.");
        }
        return reports.annual(code, parsed.year(), 3).orElseThrow(() -> ProblemException.notFound(
                "There is no area with code " + code + "."));
    }
}
