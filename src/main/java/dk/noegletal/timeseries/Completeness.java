package dk.noegletal.timeseries;

/**
 * How much of a period a value covers. A value imported for the period itself is complete; an average built from
 * months (or quarters) says how many months were present.
 */
public record Completeness(int monthsPresent, int monthsExpected, Basis basis) {

    /** What the value of a period was taken from. */
    public enum Basis {
        /** The value stored for the period itself (already averaged by the publisher). */
        AS_IMPORTED("as-imported"),
        /** The average of the stored monthly values. */
        MONTHS("months"),
        /** The average of the stored quarterly values (a year without monthly values). */
        QUARTERS("quarters"),
        /** Nothing stored. */
        NONE("none");

        private final String code;

        Basis(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public boolean partial() {
        return monthsPresent < monthsExpected;
    }
}
