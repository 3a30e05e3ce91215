package dk.noegletal.targetgroup;

import dk.noegletal.export.TreeRow;
import jakarta.annotation.Nonnull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A target group with its sub-groups, in catalogue order; in CSV a row per group, its sub-groups after it. */
@Schema(name = "TargetGroup")
public record TargetGroupDto(
        @Schema(examples = "kontanthjaelp") @Nonnull String code,
        @Schema(description = "Danish name as in the published appendix.", examples = "Kontanthjælp")
        @Nonnull String name,
        @Schema(description = "Code of the parent group; null for a top-level group.") String parentCode,
        @Schema(description = "0 for a top-level group, 1 for a sub-group.") int level,
        @Schema(description = "Position in the catalogue (the appendix's row order).") int sortOrder,
        @Nonnull List<TargetGroupDto> children) implements TreeRow {
}
