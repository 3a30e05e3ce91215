package dk.noegletal.table;

import dk.noegletal.export.Tabular;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    private final TableFigureService figures;

    AreaTableResource(TableFigureService figures) {
        this.figures = figures;
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
            @Parameter(description = "A dimension to break down: one row per member.", example = "ydelsesgrupper")
            @QueryParam("by") String by) {
        return figures.figures(code, table, measure, member, by, period);
    }

}
