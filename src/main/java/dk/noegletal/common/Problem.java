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
        @Schema(description = "The first row errors of a rejected import.") List<RowError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail) {
        this(type, title, status, detail, null, null);
    }
}
