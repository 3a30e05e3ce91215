package dk.noegletal.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An error response in the shape of RFC 9457 (problem details), sent as {@code application/problem+json}.
 * {@code errors} lists the offending rows of a rejected import, {@code errorCount} how many there were in all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An error, as RFC 9457 problem details.")
public record Problem(
        @Schema(description = "A URI naming the kind of problem.", examples = "urn:noegletal:problem:invalid-import",
                required = true) String type,
        @Schema(description = "A short summary of the kind of problem.", required = true) String title,
        @Schema(description = "The HTTP status code.") int status,
        @Schema(description = "What went wrong in this request, in a sentence.", required = true) String detail,
        @Schema(description = "How many row errors an import had in all (only the first are listed).") Integer errorCount,
        @Schema(description = "The first row errors of a rejected import.") List<RowError> errors,
        @Schema(description = "The address of what records this occurrence, e.g. a failed pull's run.",
                examples = "/api/v1/syncs/1/runs/7") String instance,
        @Schema(description = "A failed pull: the answer of the Jobindsats API as it came.") Upstream upstream) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail) {
        this(type, title, status, detail, null, null);
    }

    public Problem(String type, String title, int status, String detail, Integer errorCount, List<RowError> errors) {
        this(type, title, status, detail, errorCount, errors, null, null);
    }

    /** What an upstream service (the Jobindsats API) answered: its status (0: no answer), cause and request id. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProblemUpstream")
    public record Upstream(
            @Schema(description = "Its HTTP status; 0 when no answer came (a time-out, no connection).") int status,
            @Schema(description = "Its own words, as they came.",
                    examples = "Unknown hierarchies: ['_nykom']") String cause,
            @Schema(description = "Its id of the request (request_id), to quote to its support.") String requestId) {
    }
}
