package dk.noegletal.comparison;

import java.math.BigDecimal;

/**
 * How an area's change compares with another area's. The difference is taken between the two change percents, in
 * percentage points; within the tolerance either way (bounds included) the two are on level.
 */
enum Classification {
    HIGHER("higher"), ON_LEVEL("on-level"), LOWER("lower");

    /** The tolerance used when none is given, in percentage points. */
    static final String DEFAULT_TOLERANCE_PP = "1.0";

    private final String code;

    Classification(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /** The class of {@code differencePp} = the area's change percent − the other area's change percent. */
    static Classification of(BigDecimal differencePp, BigDecimal tolerancePp) {
        if (differencePp.compareTo(tolerancePp) > 0) {
            return HIGHER;
        }
        if (differencePp.compareTo(tolerancePp.negate()) < 0) {
            return LOWER;
        }
        return ON_LEVEL;
    }
}
