package dk.noegletal.sync;

import jakarta.annotation.Nonnull;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One pull of a subscription, as the API shows it. */
@Schema(name = "SyncRun")
public record SyncRunDto(
        long id,
        @Schema(description = "The subscription's id.") long subscription,
        @Schema(description = "manual (POST .../run) or schedule.", examples = "manual") @Nonnull String trigger,
        @Nonnull OffsetDateTime startedAt,
        @Schema(description = "Null while the pull runs.") OffsetDateTime finishedAt,
        @Schema(description = "running; imported (new or changed values stored as one import); unchanged (pulled, "
                + "nothing new: no new data version); skipped (Jobindsats' update_latest had not moved since the "
                + "last pull that landed, so no data was asked for); failed (nothing stored).",
                enumeration = {"running", "imported", "unchanged", "skipped", "failed"}) @Nonnull String outcome,
        @Schema(description = "What happened, in a sentence.") String sentence,
        @Schema(description = "Jobindsats' update_latest of the table at this pull.", examples = "2026-08-20")
        String updateLatest,
        @Schema(description = "The data requests sent, as written (the key travels in a header and is not shown).")
        @Nonnull List<String> requests,
        @Schema(description = "Jobindsats' ids of the requests, where it gave them.") @Nonnull List<String> requestIds,
        @Schema(description = "How many requests were sent to Jobindsats, retries included.") int attempts,
        @Schema(description = "The rows Jobindsats' data answers held.") Integer rows,
        @Schema(description = "The import the pull landed as (see /api/v1/imports/{id}), for imported and "
                + "unchanged.") Long importId,
        @Schema(description = "A failed pull: Jobindsats' answer as it came (status 0: no answer came).")
        JobindsatsAnswer jobindsats) {

    /** Jobindsats' answer to a pull that failed. */
    @Schema(name = "SyncRunJobindsatsAnswer")
    public record JobindsatsAnswer(
            @Schema(description = "The HTTP status; 0 when no answer came.", examples = "422") int status,
            @Schema(description = "Jobindsats' own words.",
                    examples = "Requested latest:40 for type Q, but only 29 periods are available.") String cause,
            @Schema(description = "Jobindsats' request_id.") String requestId) {
    }

    static SyncRunDto of(SyncRun run) {
        return new SyncRunDto(run.id, run.syncId, run.trigger, run.startedAt, run.finishedAt, run.outcome,
                run.sentence, run.updateLatest, split(run.requests), split(run.requestIds), run.attempts,
                run.rowsReceived, run.importId, run.httpStatus == null ? null
                        : new JobindsatsAnswer(run.httpStatus, run.cause, lastOf(run.requestIds)));
    }

    /** The id of the request that failed: the last a run recorded. */
    private static String lastOf(String joined) {
        List<String> ids = split(joined);
        return ids.isEmpty() ? null : ids.get(ids.size() - 1);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of()
                : Arrays.asList(joined.split(java.util.regex.Pattern.quote(SyncRun.LIST_SEPARATOR)));
    }
}
