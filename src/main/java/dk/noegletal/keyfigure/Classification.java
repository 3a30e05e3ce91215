package dk.noegletal.keyfigure;

import dk.noegletal.timeseries.Figure;
import java.math.BigDecimal;

/**
 * How an area's change compares with another area's: "higher", "on level" or "lower", by the difference of the
 * two changes in percentage points against a tolerance. Plain Java.
 */
public enum Classification {
    HIGHER("higher"), ON_LEVEL("on level"), LOWER("lower");

    /** The tolerance used when none is asked for, in percentage points. */
    public static final BigDecimal DEFAULT_TOLERANCE_PP = BigDecimal.ONE;

    private final String label;

    Classification(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The classification of {@code difference} = own change − other change (pp); null when it is unknown. */
    public static Classification of(Figure difference, BigDecimal tolerancePp) {
        if (!difference.known()) {
            return null;
        }
        if (difference.value().abs().compareTo(tolerancePp) <= 0) {
            return ON_LEVEL;
        }
        return difference.value().signum() > 0 ? HIGHER : LOWER;
    }
}
