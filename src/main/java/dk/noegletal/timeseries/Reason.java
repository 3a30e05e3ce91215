package dk.noegletal.timeseries;

/** Why a figure is unknown. Every null figure carries one; none is ever replaced by zero. */
public enum Reason {
    /** Jobindsats blanked a cell the figure is built from. */
    SUPPRESSED("suppressed", "Jobindsats suppressed a value this figure is built from."),
    /** Nothing is stored for the period. */
    NO_DATA("no-data", "No value is stored for this period."),
    /** Nothing is stored for the same period a year earlier. */
    NO_PREVIOUS_VALUE("no-previous-value", "No value is stored for the same period a year earlier."),
    /** The period is partial, and the year before does not have the same months stored to compare with. */
    NO_COMPARABLE_PREVIOUS_VALUE("no-comparable-previous-value",
            "The period is partial, and the same months a year earlier are not all stored."),
    /** The parts of a sum do not cover the same months, or one of them has no value. */
    INCOMPLETE_PARTS("incomplete-parts",
            "Not every group this sum is made of has a value for the same months of the period."),
    /** The base of a percentage or share is zero, so the figure is not defined. */
    ZERO_BASE("zero-base", "The base of this percentage is 0, so it is not defined."),
    /** No population 16-66 is stored for the area and period. */
    NO_POPULATION("no-population", "No population 16-66 is stored for this area and period."),
    /** Neither a country value nor all municipalities' values are stored. */
    NO_NATIONAL_FIGURE("no-national-figure",
            "No country figure is stored, and not all municipalities have a value to add up instead."),
    /** A ratio (a percentage or an average) is not added over areas, nor set against a national total. */
    NOT_ADDITIVE("not-additive", "The measure is a ratio (a percentage or an average): it is not added over areas "
            + "and has no national share or share of the population."),
    /** A head count or ratio is never made from months; only a value imported for the period itself counts. */
    NO_PERIOD_RULE("no-period-rule", "The measure is a head count or a ratio, which cannot be made from its months "
            + "(a person counted in two months is one person in the quarter); only a value imported for the period "
            + "itself is used, and none is stored."),
    /** The area sums municipalities, and not all of them have a value for the period. */
    INCOMPLETE_AREAS("incomplete-areas", "The area's value is the sum of its municipalities, and not all of them "
            + "have a value for this period.");

    private final String code;
    private final String message;

    Reason(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}
