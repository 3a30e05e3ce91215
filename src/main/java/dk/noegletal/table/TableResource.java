package dk.noegletal.table;

import dk.noegletal.common.ProblemException;
import dk.noegletal.export.Tabular;
import dk.noegletal.ranking.CompetitionRanking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tables", description = "Every Jobindsats table (and your own) as data: dimensions, members, measures "
        + "and their figures.")
public class TableResource {

    static final String MEMBER = "A member of a dimension not broken down, as dimension:member (codes or labels), "
            + "e.g. a-kasse:i-alt; repeat for several dimensions. A dimension not named takes its total.";
    static final String MEASURE = "The measure's code or label; by default the table's first measure.";
    static final String PERIOD = "Month (2026-07 or 2026M07), quarter (2026Q2) or year (2026), or latest, "
            + "latest-month, latest-quarter or latest-year: the newest period of the table, echoed in the answer.";

    private final TableFigureService figures;
    private final TableStore store;

    TableResource(TableFigureService figures, TableStore store) {
        this.figures = figures;
        this.store = store;
    }

    @GET
    @Path("/tables")
    @Operation(operationId = "listTables", summary = "List the tables",
            description = "Every table imported or shipped, with its dimensions, members, measures and periods.")
    @APIResponse(responseCode = "200", description = "The catalogue of tables.")
    public List<TableDto> list() {
        return figures.list();
    }

    @GET
    @Path("/tables/{table}")
    @Operation(operationId = "getTable", summary = "Get one table",
            description = "Its dimensions with their member trees, its measures with their kinds, and the periods "
                    + "it holds per granularity with the latest of each.")
    @APIResponse(responseCode = "200", description = "The table.")
    @APIResponse(responseCode = "404", description = "No table has this id.")
    public TableDto get(@Parameter(description = "Table id.", example = "y60a02") @PathParam("table") String table) {
        return figures.describe(table);
    }

    @PUT
    @Path("/tables/{table}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateTable", summary = "Rename, reorder and correct kinds",
            description = "An editor's corrections to a table: its name, measure labels, kinds and order, dimension "
                    + "and member labels and member order. A measure whose kind an editor set keeps it on later "
                    + "imports.")
    @APIResponse(responseCode = "200", description = "The table as it now is.")
    @APIResponse(responseCode = "400", description = "An unknown measure, dimension, member or kind; nothing changed.")
    @APIResponse(responseCode = "404", description = "No table has this id.")
    public TableDto update(@Parameter(description = "Table id.", example = "y60a02") @PathParam("table") String table,
            TableUpdateRequest request) {
        if (!store.update(table, request)) {
            throw ProblemException.notFound("There is no table with id " + table + ".");
        }
        return figures.describe(table);
    }

    @GET
    @Path("/tables/{table}/ranking")
    @Produces({MediaType.APPLICATION_JSON, Tabular.TEXT_CSV})
    @Operation(operationId = "getTableRanking", summary = "Rank the municipalities by a measure of any table",
            description = "The 98 municipalities ranked by a measure (a ratio such as \"Fuldtidspersoner i pct. af "
                    + "befolkningen 16-66 år\" included) in a period. Equal values share a rank (1, 2, 2, 4); areas "
                    + "without a value come last, without a rank and with the reason.")
    @APIResponse(responseCode = "200", description = "The ranking.")
    @APIResponse(responseCode = "400", description = "An unknown measure, dimension or member, or a bad period.")
    @APIResponse(responseCode = "404", description = "Unknown table.")
    public TableRankingDto ranking(
            @Parameter(description = "Table id.", example = "y60a02") @PathParam("table") String table,
            @Parameter(description = MEASURE) @QueryParam("measure") String measure,
            @Parameter(description = PERIOD, example = "latest", required = true) @QueryParam("period") String period,
            @Parameter(description = MEMBER) @QueryParam("member") List<String> member,
            @Parameter(description = "asc gives the lowest value rank 1, desc the highest.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"asc", "desc"}, defaultValue = "asc"))
            @QueryParam("order") @DefaultValue("asc") String order) {
        CompetitionRanking.Order parsed = CompetitionRanking.Order.parse(order).orElseThrow(() ->
                ProblemException.invalidParameter("Unknown value '" + order + "' for 'order'; use asc or desc."));
        return figures.ranking(table, measure, member, period, parsed);
    }
}
