package dk.noegletal.chart;

import dk.noegletal.area.AreaDto;
import dk.noegletal.area.AreaService;
import dk.noegletal.common.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An area's series of any table as an SVG chart, against its region and the country. */
@Path("/api/v1/areas/{code}/tables/{table}/charts")
@Produces(ChartResource.SVG)
@Tag(name = "Charts", description = "The report's charts as SVG, each with a title and a text alternative.")
public class AreaTableChartResource {

    private final TableCharts charts;
    private final AreaService areas;

    AreaTableChartResource(TableCharts charts, AreaService areas) {
        this.charts = charts;
        this.areas = areas;
    }

    @GET
    @Path("/series")
    @Operation(operationId = "getTableSeriesChart", summary = "An area's series against its region and the country",
            description = "The monthly series of /areas/{code}/tables/{table}/series for the area, its region (a "
                    + "municipality's) and the country, each as an index with its first month = 100. An area whose "
                    + "values cannot be had (a ratio's region) is left out of the chart.")
    @APIResponse(responseCode = "200", description = "The chart.")
    @APIResponse(responseCode = "400", description = "As the series.")
    @APIResponse(responseCode = "404", description = "Unknown area or table, or nothing stored to chart.")
    public String series(
            @Parameter(description = "Area code.", example = "157") @PathParam("code") String code,
            @Parameter(description = "Table id.", example = "y60a02") @PathParam("table") String table,
            @Parameter(description = "Measure code or label (by default the table's first).",
                    example = "antal-fuldtidspersoner") @QueryParam("measure") String measure,
            @Parameter(description = ChartResource.MEMBER) @QueryParam("member") List<String> member,
            @Parameter(description = "First month: a period, or latest words as the series takes them.",
                    example = "2025-08") @QueryParam("from") String from,
            @Parameter(description = "Last month.", example = "latest") @QueryParam("to") String to) {
        AreaDto area = areas.find(code).orElseThrow(() -> ProblemException.notFound("There is no area with code "
                + code + "."));
        return charts.series(area, table, measure, member, from, to).orElseThrow(() -> ProblemException.notFound(
                "No monthly values of " + table + " are stored for " + area.name() + " in the months asked for."));
    }

}
