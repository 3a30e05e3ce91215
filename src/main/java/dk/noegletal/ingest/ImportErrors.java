package dk.noegletal.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dk.noegletal.common.ProblemException;
import dk.noegletal.common.RowError;
import java.util.List;

/**
 * Collects the errors of one import: all are counted, the first few in file order are kept to be shown. Errors
 * arrive mostly in file order as the file is read; a repeat is judged at the end, so its error is put in its place
 * by its location (line n, row n, table t, row n).
 */
final class ImportErrors {

    /** How much of a cell an error repeats: enough to find it in the file, not the megabytes a cell can hold. */
    static final int SHOWN_LENGTH = 100;
    /** A message is a sentence; this bounds one that repeats more of the file than its value. */
    private static final int MESSAGE_LENGTH = 1000;

    private static final java.util.regex.Pattern PLACE = java.util.regex.Pattern.compile(
            "(?:table (\\d+), )?(?:line|row) (\\d+)");

    private final int listed;
    /** The first errors by place in the file, then by arrival. */
    private final java.util.TreeMap<List<Long>, RowError> errors = new java.util.TreeMap<>(
            java.util.Comparator.<List<Long>, Long>comparing(key -> key.get(0)).thenComparing(key -> key.get(1)));
    private int count;

    ImportErrors(int listed) {
        this.listed = listed;
    }

    void add(String location, Integer line, String column, String value, String message) {
        count++;
        List<Long> key = List.of(place(location), (long) count);
        if (errors.size() < listed || key.get(0) < errors.lastKey().get(0)) {
            errors.put(key, error(location, line, column, value, message));
            if (errors.size() > listed) {
                errors.pollLastEntry();
            }
        }
    }

    /** Where in the file a location is, to order errors: table, then line or row. */
    private static long place(String location) {
        java.util.regex.Matcher matcher = location == null ? null : PLACE.matcher(location);
        if (matcher == null || !matcher.lookingAt()) {
            return Long.MAX_VALUE;
        }
        long table = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
        return table << 40 | Long.parseLong(matcher.group(2));
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
            RowError first = errors.firstEntry().getValue();
            String detail = count == 1
                    ? "The import was rejected and nothing was stored: " + describe(first) + "."
                    : "The import was rejected and nothing was stored: " + count + " errors, the first at "
                            + first.location() + ".";
            throw ProblemException.invalidImport(detail, count, List.copyOf(errors.values()));
        }
    }

    /** Rejects the import at once with a single error about the file as a whole. */
    static ProblemException fileError(String location, Integer line, String column, String value, String message) {
        RowError error = error(location, line, column, value, message);
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

    /** The text up to the given length, marked where it was cut. */
    static String shorten(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end) + "...";
    }

    /** An error whose value, column and message are cut short, also where the message repeats the value. */
    private static RowError error(String location, Integer line, String column, String value, String message) {
        String shownMessage = message;
        String echoed = value == null ? "" : value.trim();
        if (echoed.length() > SHOWN_LENGTH) {
            shownMessage = shownMessage.replace(echoed, shorten(echoed, SHOWN_LENGTH));
        }
        return new RowError(location, line, shorten(column, SHOWN_LENGTH), shorten(value, SHOWN_LENGTH),
                shorten(shownMessage, MESSAGE_LENGTH));
    }

    private static String describe(RowError error) {
        return error.location() + (error.column() == null ? "" : ", column " + error.column()) + ": "
                + error.message();
    }
}
