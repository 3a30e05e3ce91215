package dk.noegletal.timeseries;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The newest period stored of each granularity (null where none is), and the periods the words of
 * {@link LatestPeriod} name in them.
 */
public record NewestPeriods(Period month, Period quarter, Period year) {

    public static final NewestPeriods NONE = new NewestPeriods(null, null, null);

    public NewestPeriods {
        check(month, Granularity.MONTH);
        check(quarter, Granularity.QUARTER);
        check(year, Granularity.YEAR);
    }

    /** From the start of the newest stored period of each granularity, as the store reads them. */
    public static NewestPeriods of(Map<Granularity, LocalDate> newestStarts) {
        return new NewestPeriods(containing(newestStarts.get(Granularity.MONTH), Granularity.MONTH),
                containing(newestStarts.get(Granularity.QUARTER), Granularity.QUARTER),
                containing(newestStarts.get(Granularity.YEAR), Granularity.YEAR));
    }

    public boolean isEmpty() {
        return month == null && quarter == null && year == null;
    }

    /**
     * The period a word names; empty when nothing stored qualifies. A quarter or year counts when any of its months
     * is stored (or a value for the quarter or year itself), so it may be partial: the figures then say how complete
     * it is.
     */
    public Optional<Period> resolve(LatestPeriod word) {
        return switch (word) {
            case LATEST -> Stream.of(month, quarter, year).filter(p -> p != null).findFirst();
            case LATEST_MONTH -> Optional.ofNullable(month);
            case LATEST_QUARTER -> newest(containing(month, Granularity.QUARTER), quarter);
            case LATEST_YEAR -> newest(containing(month, Granularity.YEAR), containing(quarter, Granularity.YEAR),
                    year);
        };
    }

    private static Optional<Period> newest(Period... candidates) {
        return Stream.of(candidates).filter(p -> p != null).max(Period::compareTo);
    }

    private static Period containing(Period period, Granularity granularity) {
        return period == null ? null : Period.containing(period.start(), granularity);
    }

    private static Period containing(LocalDate start, Granularity granularity) {
        return start == null ? null : Period.containing(start, granularity);
    }

    private static void check(Period period, Granularity granularity) {
        if (period != null && period.granularity() != granularity) {
            throw new IllegalArgumentException(period + " is not of the granularity " + granularity);
        }
    }
}
