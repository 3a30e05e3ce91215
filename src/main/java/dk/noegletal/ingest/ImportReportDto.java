package dk.noegletal.ingest;

import jakarta.annotation.Nonnull;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one import did. */
@Schema(name = "ImportReport")
public record ImportReportDto(
        @Schema(description = "The import id, which is also the revision its values carry.") long id,
        @Nonnull OffsetDateTime importedAt,
        @Schema(description = "tidy-csv, jobindsats-v2 or jobindsats-v3.") @Nonnull String format,
        @Schema(description = "Where the file came from, as the importer named it.") String source,
        @Schema(description = "What the file is, as the importer described it.") String description,
        @Schema(description = "Observations in the file.") int rowsRead,
        @Schema(description = "Observations stored for the first time.") int inserted,
        @Schema(description = "Observations whose value changed: the new value is a new revision.") int updated,
        @Schema(description = "Observations already stored with the same value and status.") int unchanged,
        @Schema(description = "Observations in the file that Jobindsats had blanked out.") int suppressed,
        @Schema(description = "Columns of the file that were not stored because the service computes them.")
        @Nonnull List<String> ignoredColumns,
        @Schema(description = "The periods the file covers, in period order.") @Nonnull List<String> periods,
        @Schema(description = "The codes of the areas the file covers, sorted.") @Nonnull List<String> areas,
        @Schema(description = "The table the file filled (see /api/v1/tables); null for the målgruppe table.",
                examples = "y25i09") String table,
        @Schema(description = "What the import added to the catalogue of tables: the table, dimensions, members "
                + "and measures it named for the first time.") @Nonnull List<String> added,
        @Schema(description = "Rows (a JSON row, a CSV line) whose observations the file had stated before, "
                + "with the same values; each observation is stored once.")
        int duplicateRows,
        @Schema(description = "Rows skipped: those that belong to no area (Jobindsats' \"Uoplyst område\"), and in "
                + "the målgruppe table Jobindsats' totals over all groups (\"Ydelsesgrupper i alt\"), which the "
                + "service computes itself.")
        int skippedRows,
        @Schema(description = "Where a pull from the Jobindsats API came from; null for an uploaded file.")
        Pulled jobindsats) {

    /** A pull's provenance. */
    @Schema(name = "ImportPull")
    public record Pulled(
            @Schema(description = "The subscription that pulled it (see /api/v1/syncs).") long subscription,
            @Schema(description = "The data requests as sent (the key travels in a header and is not shown).",
                    examples = "[\"/data/y60a02?mgroup.*=*&period.M=latest:14&hierarchy._nykom=*&format=json\"]")
            @Nonnull List<String> requests,
            @Schema(description = "Jobindsats' ids of the requests, where it gave them.") @Nonnull
            List<String> requestIds,
            @Schema(description = "Jobindsats' update_latest of the table when it was pulled.",
                    examples = "2026-08-20") String updateLatest) {
    }

    static ImportReportDto of(ImportRun run) {
        return new ImportReportDto(run.id, run.importedAt, run.format, run.source, run.description, run.rowsRead,
                run.inserted, run.updated, run.unchanged, run.suppressed, split(run.ignoredColumns, ImportRun.LIST_SEPARATOR),
                split(run.periods, ImportRun.LIST_SEPARATOR),
                split(run.areas, ImportRun.LIST_SEPARATOR), run.tableId, split(run.added, ImportRun.LIST_SEPARATOR),
                run.duplicateRows, run.skippedRows, run.syncId == null ? null : new Pulled(run.syncId,
                        split(run.jobindsatsRequests, ImportRun.LIST_SEPARATOR),
                        split(run.jobindsatsRequestIds, ImportRun.LIST_SEPARATOR), run.jobindsatsUpdateLatest));
    }

    private static List<String> split(String joined, String separator) {
        return joined == null || joined.isEmpty() ? List.of()
                : Arrays.asList(joined.split(java.util.regex.Pattern.quote(separator)));
    }
}
