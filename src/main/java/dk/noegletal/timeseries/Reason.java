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
            "No country figure is stored, and not all municipalities have a value to add up instead.");

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
