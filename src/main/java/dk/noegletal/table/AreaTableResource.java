package dk.noegletal.table;

import dk.noegletal.export.Tabular;
import dk.noegletal.keyfigure.Classification;
import dk.noegletal.keyfigure.ToleranceParameter;
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

/** The figures of any table for one area (beside the area's own resources, so under its address). */
@Path("/api/v1/areas/{code}/tables")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tables")
public class AreaTableResource {

    static final String MEMBER = TableResource.MEMBER;
    static final String MEASURE = TableResource.MEASURE;
    static final String PERIOD = TableResource.PERIOD;
    /** How {@code from} and {@code to} of a series are described. */
    private static final String BOUND = "a month (2026-07 or 2026M07), quarter (2026Q2) or year (2026), or latest, "
            + "latest-month, latest-quarter or latest-year: the newest period of the table, echoed in the answer. With "
            + "a granularity, a bound widens to the period of that granularity it falls in.";

    private final TableFigureService figures;
    private final TableComparisonService comparisons;

    AreaTableResource(TableFigureService figures, TableComparisonService comparisons) {
        this.figures = figures;
        this.comparisons = comparisons;
    }

    @GET
    @Path("/{table}/key-figures")
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "getTableKeyFigures", summary = "Key figures of any table for an area",
            description = "A measure of a table for an area and period: the value by the measure's kind, the same "
                    + "period a year earlier, the change, and where the kind allows them the national share and the "
                    + "share of the population 16-66. One row, or one per member of the dimension named by 'by'. A "
                    + "region, a cluster or a country without its own value is the sum of its municipalities, for "
                    + "stocks, flows and head counts only; for a ratio it is null with the reason not-additive.")
    @APIResponse(responseCode = "200", description = "The figures.")
    @APIResponse(responseCode = "400", description = "An unknown measure, dimension or member, or a bad period.")
    @APIResponse(responseCode = "404", description = "Unknown area or table, or latest asked of a table without "
            + "values.")
    public TableFiguresDto keyFigures(
            @Parameter(description = "Area code.", example = "157") @PathParam("code") String code,
            @Parameter(description = "Table id.", example = "y60a02") @PathParam("table") String table,
            @Parameter(description = MEASURE, example = "antal-fuldtidspersoner") @QueryParam("measure")
            String measure,
            @Parameter(description = PERIOD, example = "latest", required = true) @QueryParam("period") String period,
            @Parameter(description = MEMBER) @QueryParam("member") List<String> member,
            @Parameter(description = "A dimension to break down: one row per member, e.g. ydelsesgrupper.")
            @QueryParam("by") String by) {
        return figures.figures(code, table, measure, member, by, period);
    }

    @GET
    @Path("/{table}/series")
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "getTableSeries", summary = "A series of any table for an area",
            description = "One measure of a table, with one member of each dimension, for an area in period order. "
                    + "Without granularity, the periods stored (as imported); with one, every month, quarter or year "
                    + "from 'from' to 'to' (by default the span stored) with its value by the measure's kind: a stored "
                    + "value for the period itself as it is, else a stock's average of its months and a flow's sum; "
                    + "a head count or a ratio is never made of months, so such a period is a point with a null "
                    + "value and the reason no-period-rule. Each point says how complete it is. A region, a cluster or "
                    + "a country without values of its own is the sum of its municipalities, for periods where all "
                    + "of them have a value, for stocks, flows and head counts only; for a ratio every point is null "
                    + "with the reason not-additive.")
    @APIResponse(responseCode = "200", description = "The series; no points when nothing is stored for it.")
    @APIResponse(responseCode = "400", description = "An unknown measure, dimension, member or granularity, a bad "
            + "period, or 'from' after 'to'.")
    @APIResponse(responseCode = "404", description = "Unknown area or table, or latest asked of a table without "
            + "values.")
    public TableSeriesDto series(
            @Parameter(description = "Area code (a municipality, region, the country or a cluster).", example = "157")
            @PathParam("code") String code,
            @Parameter(description = "Table id.", example = "y60a02") @PathParam("table") String table,
            @Parameter(description = MEASURE, example = "antal-fuldtidspersoner") @QueryParam("measure")
            String measure,
            @Parameter(description = MEMBER) @QueryParam("member") List<String> member,
            @Parameter(description = "Give every month, quarter or year with its value by the measure's kind. "
                    + "Without it, the stored periods as they are.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"month", "quarter", "year"}),
                    example = "month") @QueryParam("granularity") String granularity,
            @Parameter(description = "First period, inclusive: " + BOUND, example = "2026-01") @QueryParam("from")
            String from,
            @Parameter(description = "Last period, inclusive: " + BOUND, example = "latest") @QueryParam("to")
            String to) {
        return figures.series(code, table, measure, member, granularity, from, to);
    }

    @GET
    @Path("/{table}/comparison")
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "getTableComparison", summary = "Compare an area's change in any table with its region, "
            + "the country and a cluster",
            description = "For the area, its region (a municipality's), the country and optionally a cluster: the "
                    + "value of a measure of a table in a period by the measure's kind, the same period a year "
                    + "earlier and the change. Each comparison row classifies the area's change percent against that "
                    + "row's: the difference in percentage points (changeDifferencePp = the area's change percent − "
                    + "the row's) within ±tolerancePp is on level, above it higher, below it lower. A region or "
                    + "cluster without values of its own is the sum of its municipalities, for stocks, flows and "
                    + "head counts only: for a ratio its figures are null with the reason not-additive, while a "
                    + "ratio stored for the area itself (Jobindsats' \"Hele landet\") is used. A region, a cluster or "
                    + "the country has no region: that entry is listed in 'skipped' with the reason.")
    @APIResponse(responseCode = "200", description = "The comparison.")
    @APIResponse(responseCode = "400", description = "An unknown measure, dimension or member, a missing or bad "
            + "period, or a tolerance that is not a number from 0 to 100.")
    @APIResponse(responseCode = "404", description = "Unknown area, table or cluster, or latest asked of a table "
            + "without values.")
    public TableComparisonDto comparison(
            @Parameter(description = "Area code (a municipality, region, the country or a cluster).", example = "157")
            @PathParam("code") String code,
            @Parameter(description = "Table id.", example = "y60a02") @PathParam("table") String table,
            @Parameter(description = MEASURE, example = "antal-fuldtidspersoner") @QueryParam("measure")
            String measure,
            @Parameter(description = MEMBER) @QueryParam("member") List<String> member,
            @Parameter(description = PERIOD, example = "latest", required = true) @QueryParam("period") String period,
            @Parameter(description = "A cluster to compare with as well, by its code.") @QueryParam("cluster")
            String cluster,
            @Parameter(description = "How many percentage points the change percents may differ and still be "
                    + "on level.", schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "100",
                            defaultValue = Classification.DEFAULT_TOLERANCE))
            @QueryParam("tolerancePp") @DefaultValue(Classification.DEFAULT_TOLERANCE) String tolerancePp) {
        BigDecimal tolerance = ToleranceParameter.parse(tolerancePp);
        return comparisons.compare(new TableComparisonService.Query(code, table, measure, member, period, cluster,
                tolerance));
    }
}
