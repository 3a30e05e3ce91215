package dk.noegletal.ingest;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** How a file writes numbers. */
enum NumberStyle {
    /** {@code 1313.5}: the tidy CSV format. */
    PLAIN,
    /** {@code 1.313,5} or {@code 0,93} as Jobindsats writes numbers as text; {@code 816.5} is read as well. */
    DANISH;

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** Grouped thousands never start with a zero: 0.500 is not five hundred. */
    private static final Pattern DANISH_THOUSANDS = Pattern.compile("-?[1-9]\\d{0,2}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern DANISH_DECIMAL = Pattern.compile("-?\\d+(,\\d+)?");
    /**
     * Far more than a count of persons needs; it also spares BigDecimal a cell of megabytes of digits, which it
     * takes minutes to read (the time grows with the square of the length).
     */
    static final int MAX_LENGTH = 100;

    /**
     * Reads a number.
     *
     * @throws NumberFormatException when the text is no number in this style
     */
    BigDecimal parse(String text) {
        String t = text.trim();
        if (t.length() > MAX_LENGTH) {
            throw new NumberFormatException("'" + ImportErrors.shorten(t, 20) + "' is too long to be a number ("
                    + t.length() + " characters; at most " + MAX_LENGTH + ")");
        }
        if (this == DANISH) {
            if (DANISH_THOUSANDS.matcher(t).matches()) {
                return new BigDecimal(t.replace(".", "").replace(',', '.'));
            }
            if (DANISH_DECIMAL.matcher(t).matches()) {
                return new BigDecimal(t.replace(',', '.'));
            }
        }
        if (PLAIN_NUMBER.matcher(t).matches()) {
            return new BigDecimal(t);
        }
        throw new NumberFormatException(this == DANISH
                ? "'" + t + "' is not a number (expected e.g. 1.313 or 0,93)"
                : "'" + t + "' is not a number (expected digits with . as decimal mark, e.g. 816.5)");
    }
}
