package dk.noegletal.table;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An editor's corrections to a table: its name, its measures' labels, kinds and order, and its dimensions' and
 * members' labels and order. Everything is optional; lists give the new order of what they name, and what they do
 * not name keeps its place after them.
 */
@Schema(name = "TableUpdate")
public record TableUpdateRequest(
        @Schema(examples = "Langtidsledige") String name,
        List<MeasureUpdate> measures,
        List<DimensionUpdate> dimensions) {

    @Schema(name = "TableMeasureUpdate")
    public record MeasureUpdate(@Schema(description = "The measure's code (or label).", required = true) String code,
            String label,
            @Schema(enumeration = {"stock", "flow", "head-count", "ratio"}) String kind) {
    }

    @Schema(name = "TableDimensionUpdate")
    public record DimensionUpdate(@Schema(required = true) String code, String label, List<MemberUpdate> members) {
    }

    @Schema(name = "TableMemberUpdate")
    public record MemberUpdate(@Schema(required = true) String code, String label) {
    }
}
