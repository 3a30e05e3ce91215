package dk.noegletal.keyfigure;

import dk.noegletal.common.ProblemException;
import java.math.BigDecimal;

/** Reads the tolerance of a classification given as a query parameter, in percentage points. */
public final class ToleranceParameter {

    /** More than this many percentage points apart would make every change "on level". */
    private static final BigDecimal LARGEST = BigDecimal.valueOf(100);
    private static final int LONGEST = 20;

    private ToleranceParameter() {
    }

    /** The tolerance, or the default when the parameter is absent. */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return Classification.DEFAULT_TOLERANCE_PP;
        }
        String value = text.trim();
        // Short plain decimals only: an exponent such as 1e10000 would be a number no response can write.
        if (value.length() <= LONGEST && value.matches("\\d+(\\.\\d+)?")) {
            BigDecimal tolerance = new BigDecimal(value);
            if (tolerance.compareTo(LARGEST) <= 0) {
                return tolerance;
            }
        }
        String shown = value.length() > LONGEST ? value.substring(0, LONGEST) + "..." : value;
        throw ProblemException.invalidParameter("The parameter 'tolerancePp' must be a number of percentage points "
                + "from 0 to 100, like 1.5, not '" + shown + "'.");
    }
}
