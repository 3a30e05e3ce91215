package dk.noegletal.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dk.noegletal.common.ProblemException;
import dk.noegletal.common.RowError;
import java.util.ArrayList;
import java.util.List;

/** Collects the errors of one import: all are counted, the first few are kept to be shown. */
final class ImportErrors {

    private final int listed;
    private final List<RowError> errors = new ArrayList<>();
    private int count;

    ImportErrors(int listed) {
        this.listed = listed;
    }

    void add(String location, Integer line, String column, String value, String message) {
        count++;
        if (errors.size() < listed) {
            errors.add(new RowError(location, line, column, value, message));
        }
    }

    void add(RawObservation row, RawObservation.Cell cell, String message) {
        add(row.location(), row.line(), cell == null ? null : cell.column(), cell == null ? null : cell.text(),
                message);
    }

    int count() {
        return count;
    }

    /** Rejects the import when anything was wrong. */
    void throwIfAny() {
        if (count > 0) {
            RowError first = errors.get(0);
            String detail = count == 1
                    ? "The import was rejected and nothing was stored: " + describe(first) + "."
                    : "The import was rejected and nothing was stored: " + count + " errors, the first at "
                            + first.location() + ".";
            throw ProblemException.invalidImport(detail, count, List.copyOf(errors));
        }
    }

    /** Rejects the import at once with a single error about the file as a whole. */
    static ProblemException fileError(String location, Integer line, String column, String value, String message) {
        RowError error = new RowError(location, line, column, value, message);
        return ProblemException.invalidImport("The import was rejected and nothing was stored: " + describe(error)
                + ".", 1, List.of(error));
    }

    /** The parser's own reason for a syntax error, without its references to Java sources and classes. */
    static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        for (String cut : new String[] {"\n", " (start marker", "[Source", " at [", " (for "}) {
            int at = message.indexOf(cut);
            if (at >= 0) {
                message = message.substring(0, at);
            }
        }
        message = message.replaceAll("\\(?\\b(java|com|org)\\.[\\w.$]+\\)?", "").trim();
        return message.isEmpty() ? "syntax error" : message;
    }

    private static String describe(RowError error) {
        return error.location() + (error.column() == null ? "" : ", column " + error.column()) + ": "
                + error.message();
    }
}
