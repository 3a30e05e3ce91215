package dk.noegletal.timeseries;

/** How long a period is. */
public enum Granularity {
    MONTH(1), QUARTER(3), YEAR(12);

    private final int months;

    Granularity(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
