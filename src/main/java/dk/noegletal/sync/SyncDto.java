package dk.noegletal.sync;

import jakarta.annotation.Nonnull;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription to a Jobindsats table, with its defaults filled in, its next run and its last. */
@Schema(name = "Sync")
public record SyncDto(
        long id,
        @Schema(examples = "y60a02") @Nonnull String table,
        String description,
        @Nonnull SyncRequest.Areas areas,
        @Nonnull Map<String, String> dimensions,
        @Nonnull Map<String, String> periods,
        @Nonnull Map<String, String> measureGroups,
        @Schema(description = "The cron expression; null: only when asked.") String schedule,
        @Schema(description = "When the schedule runs it next; null without a schedule.") OffsetDateTime nextRun,
        @Schema(description = "The data requests a pull sends, as written (the key travels in a header).")
        @Nonnull List<String> requests,
        @Nonnull OffsetDateTime createdAt,
        @Nonnull OffsetDateTime updatedAt,
        @Schema(description = "What Jobindsats said of the table at the last pull.") @Nonnull Catalogue jobindsats,
        @Schema(description = "The newest pull; null before the first.") SyncRunDto lastRun) {

    /** What Jobindsats' catalogue said of the table. */
    @Schema(name = "SyncCatalogue")
    public record Catalogue(
            @Schema(description = "The table's name at Jobindsats.", examples = "Kontanthjælp") String name,
            @Schema(description = "Jobindsats' update_latest at the last pull that landed; a pull is skipped while "
                    + "it has not moved.", examples = "2026-08-20") String updateLatest,
            @Schema(description = "When Jobindsats says it next updates the table.", examples = "2026-09-17")
            String updateNext) {
    }
}
