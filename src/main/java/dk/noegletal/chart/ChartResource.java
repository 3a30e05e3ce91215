package dk.noegletal.chart;

import dk.noegletal.area.AreaService;
import dk.noegletal.area.AreaType;
import dk.noegletal.common.ProblemException;
import dk.noegletal.ranking.CompetitionRanking;
import dk.noegletal.timeseries.PeriodParameter;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Charts of any table as SVG documents a dashboard can embed ({@code <img src=…>}), each drawn from the answer of
 * the endpoint it names, with a title and a text alternative. The charts of an area are in {@link AreaChartResource}
 * and {@link AreaTableChartResource}.
 */
@Path("/api/v1/tables/{table}/charts")
@Produces(ChartResource.SVG)
@Tag(name = "Charts", description = "The report's charts as SVG, each with a title and a text alternative.")
public class ChartResource {

    static final String SVG = "image/svg+xml";
    static final String MEMBER = "A member of a dimension, dimension:member (repeatable); each dimension not named is "
            + "its total.";
    private final TableCharts charts;
    private final AreaService areas;

    ChartResource(TableCharts charts, AreaService areas) {
        this.charts = charts;
        this.areas = areas;
    }

    @GET
    @Path("/ranking")
    @Operation(operationId = "getTableRankingChart", summary = "The ranking of the municipalities as a bar chart",
            description = "The answer of /tables/{table}/ranking as horizontal bars in rank order, the municipality "
                    + "named by highlight marked, and the country's value as a dashed line where one is stored.")
    @APIResponse(responseCode = "200", description = "The chart.")
    @APIResponse(responseCode = "400", description = "As the ranking.")
    @APIResponse(responseCode = "404", description = "Unknown table, or latest of a table without values.")
    public String ranking(
            @Parameter(description = "Table id.", example = "y60a02") @PathParam("table") String table,
            @Parameter(description = "Measure code or label (by default the table's first).",
                    example = "fuldtidspersoner-i-pct-af-befolkningen-16-66-aar") @QueryParam("measure")
            String measure,
            @Parameter(description = PeriodParameter.DESCRIPTION_OR_LATEST, example = "latest", required = true)
            @QueryParam("period") String period,
            @Parameter(description = MEMBER) @QueryParam("member") List<String> member,
            @Parameter(description = "asc: the lowest first; desc: the highest first.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"asc", "desc"}, defaultValue = "asc"))
            @QueryParam("order") @DefaultValue("asc") String order,
            @Parameter(description = "The municipality to highlight.", example = "157") @QueryParam("highlight")
            String highlight) {
        CompetitionRanking.Order parsed = CompetitionRanking.Order.parse(order).orElseThrow(() ->
                ProblemException.invalidParameter("Unknown value '" + order + "' for 'order'; use asc or desc."));
        if (highlight != null && areas.find(highlight).filter(area -> area.type() == AreaType.MUNICIPALITY)
                .isEmpty()) {
            throw ProblemException.invalidParameter("'highlight' must be a municipality's code, not '" + highlight
                    + "'.");
        }
        return charts.ranking(table, measure, member, period, parsed, highlight).svg();
    }

}
