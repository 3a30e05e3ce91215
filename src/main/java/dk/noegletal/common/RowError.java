package dk.noegletal.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rejected cell or row of an import: where it is, which column, what it held, and why it was rejected. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Why one row of an import was rejected.")
public record RowError(
        @Schema(description = "Where the row is, in words: \"line 7\" for CSV, \"table 1, row 3\" for JSON.") String location,
        @Schema(description = "The line number in a CSV file (the header is line 1).") Integer line,
        @Schema(description = "The column, as named in the file.") String column,
        @Schema(description = "The value as it stood in the file.") String value,
        @Schema(description = "Why it was rejected.") String message) {
}
