package dk.noegletal.sync;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A subscription as an editor sends it (POST, or PUT to replace one): a Jobindsats table, what of it to pull, and
 * when. The selection's values are written as Jobindsats reads them: {@code *} every member, {@code /} the total,
 * {@code latest:N} the newest N periods, or a comma-separated list of ids.
 */
@Schema(name = "SyncRequest")
public record SyncRequest(
        @Schema(description = "The Jobindsats table id.", examples = "y60a02", required = true) String table,
        @Schema(description = "What the subscription is for, in your words.",
                examples = "Kontanthjælp, alle kommuner, de seneste 14 måneder") String description,
        @Schema(description = "The areas: by default every municipality (hierarchy _nykom, members *) and the "
                + "country (its total, asked for in a second request).") Areas areas,
        @Schema(description = "Members per dimension, by Jobindsats hierarchy id: * every member, / the total, or "
                + "a list of value ids. A dimension not named is left to Jobindsats (its total).",
                examples = "{\"_ygrpi09\": \"*\"}") Map<String, String> dimensions,
        @Schema(description = "The periods per period type (M, Q or Y): latest:N for the newest N, or a list of "
                + "period ids.", examples = "{\"M\": \"latest:14\"}", required = true) Map<String, String> periods,
        @Schema(description = "The measure groups and their measures, by Jobindsats id: by default every measure "
                + "of every group ({\"*\": \"*\"}).") Map<String, String> measureGroups,
        @Schema(description = "When to pull, as a cron expression with seconds (Quartz: second minute hour "
                + "day-of-month month day-of-week), in the service's time zone. None (the default): only when "
                + "asked (POST /api/v1/syncs/{id}/run).", examples = "0 30 6 * * ?") String schedule) {

    /** The areas a subscription pulls. */
    @Schema(name = "SyncAreas")
    public record Areas(
            @Schema(description = "The Jobindsats hierarchy of the areas (default _nykom, the municipalities).",
                    examples = "_nykom") String hierarchy,
            @Schema(description = "Its members: * (the default) every one, a list of value ids, or / for the "
                    + "country alone.", examples = "*") String members,
            @Schema(description = "Whether to pull the country too (the hierarchy's total, /); default true.")
            Boolean country) {
    }
}
