package dk.noegletal.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as a Danish reader writes them: thousands with '.', decimals with ',' (1.234,5; 0,93), rounded half up.
 * What the documents, the charts and the goals' sentences print; JSON keeps full precision.
 */
public final class DanishNumbers {

    public static final Locale DANISH = Locale.forLanguageTag("da-DK");

    private DanishNumbers() {
    }

    /** The number with at least {@code fewest} and at most {@code most} decimals. */
    public static String format(BigDecimal value, int fewest, int most) {
        DecimalFormat format = new DecimalFormat("#,##0" + (most == 0 ? ""
                : "." + "0".repeat(fewest) + "#".repeat(most - fewest)), DecimalFormatSymbols.getInstance(DANISH));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
