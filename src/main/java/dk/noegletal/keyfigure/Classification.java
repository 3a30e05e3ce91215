package dk.noegletal.keyfigure;

import dk.noegletal.timeseries.Figure;
import java.math.BigDecimal;

/**
 * How an area's change compares with another area's: "higher", "on level" or "lower". The difference is taken
 * between the two change percents, in percentage points; within the tolerance either way (bounds included) the two
 * are on level. Plain Java.
 */
public enum Classification {
    HIGHER("higher"), ON_LEVEL("on level"), LOWER("lower");

    /** The tolerance used when none is asked for, in percentage points, as a parameter default. */
    public static final String DEFAULT_TOLERANCE = "1.0";
    public static final BigDecimal DEFAULT_TOLERANCE_PP = new BigDecimal(DEFAULT_TOLERANCE);

    private final String label;

    Classification(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The class of {@code differencePp} = the area's change percent − the other area's change percent. */
    public static Classification of(BigDecimal differencePp, BigDecimal tolerancePp) {
        if (differencePp.compareTo(tolerancePp) > 0) {
            return HIGHER;
        }
        if (differencePp.compareTo(tolerancePp.negate()) < 0) {
            return LOWER;
        }
        return ON_LEVEL;
    }

    /** The class of a difference that may be unknown; null when it is. */
    public static Classification of(Figure differencePp, BigDecimal tolerancePp) {
        return differencePp.known() ? of(differencePp.value(), tolerancePp) : null;
    }

    /**
     * The comparison of the area's change percent ({@code mine}) with another's ({@code theirs}): the difference in
     * percentage points and its class, or, when either change is unknown, the reason and a sentence saying whose.
     */
    public record Compared(BigDecimal differencePp, Classification classification, String reason, String message) {

        public static Compared of(Figure mine, Figure theirs, BigDecimal tolerancePp, String mineName,
                String theirName) {
            if (mine.known() && theirs.known()) {
                BigDecimal difference = mine.minus(theirs).value();
                return new Compared(difference, Classification.of(difference, tolerancePp), null, null);
            }
            // The reason alone would not say whose change is missing: the area's or the one compared with.
            Figure missing = mine.known() ? theirs : mine;
            return new Compared(null, null, missing.reason().code(), "The change percent of "
                    + (mine.known() ? theirName : mineName) + " is unknown. " + missing.reason().message());
        }

        public String label() {
            return classification == null ? null : classification.label();
        }
    }
}
