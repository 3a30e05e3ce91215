package dk.noegletal.timeseries;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The value of one series for a month, quarter or year. A quarter or year is the average of its months (or a
 * year of its quarters), not their sum; a value stored for the period itself is used as it is. Plain Java.
 */
public final class PeriodAverage {

    /** Every month of the year as bits: bit (m - 1) for month m. */
    private static final int ALL_MONTHS = (1 << 12) - 1;
    /** The sets of months by their bits, made when first met: figures ask for the same few by the thousand. */
    private static final AtomicReferenceArray<Set<Integer>> MONTH_SETS = new AtomicReferenceArray<>(ALL_MONTHS + 1);

    private PeriodAverage() {
    }

    /**
     * A period's value, how complete it is, which months of the year it covers (for a like-for-like comparison)
     * and the newest import among what it was built from (0 when nothing was).
     */
    public record Result(Period period, Figure figure, Completeness completeness, Set<Integer> months,
            long revision, OffsetDateTime revisedAt) {

        /** Whether anything was stored for the period (a suppressed value counts). */
        public boolean hasData() {
            return completeness.basis() != Completeness.Basis.NONE;
        }
    }

    public static Result of(Map<Period, Point> points, Period period) {
        return of(points, period, null);
    }

    /**
     * A period's value from exactly the given months of the year (1-12), or from whatever is stored when
     * {@code only} is null. With {@code only}, the result covers those months or is no data: it is how a partial
     * period is compared like for like, so it never falls back to other months or to a whole-period value.
     */
    public static Result of(Map<Period, Point> points, Period period, Set<Integer> only) {
        return of(points, period, only, false);
    }

    /**
     * As {@link #of(Map, Period, Set)}, but with the sum of the months (or quarters) where {@code sum} is true: how
     * a quarter or year of a flow (cases, sanctions) is made, where a stock's is their average.
     */
    public static Result of(Map<Period, Point> points, Period period, Set<Integer> only, boolean sum) {
        int expected = period.granularity().months();
        int wanted = bits(period) & (only == null ? ALL_MONTHS : bits(only));
        Point own = points.get(period);
        if (own != null && Integer.bitCount(wanted) == expected) {
            return average(period, List.of(own), expected, expected, Completeness.Basis.AS_IMPORTED, wanted, false);
        }
        List<Point> months = new ArrayList<>();
        int used = 0;
        for (int month = 1; month <= 12; month++) {
            if ((wanted & bit(month)) != 0) {
                Point point = points.get(Period.month(period.year(), month));
                if (point != null) {
                    months.add(point);
                    used |= bit(month);
                }
            }
        }
        if (!months.isEmpty() && (only == null || used == wanted)) {
            return average(period, months, months.size(), expected, Completeness.Basis.MONTHS, used, sum);
        }
        if (period.granularity() == Granularity.YEAR) {
            List<Point> quarters = new ArrayList<>();
            int covered = 0;
            for (int quarter = 1; quarter <= 4; quarter++) {
                Period q = Period.quarter(period.year(), quarter);
                int inQuarter = bits(q);
                Point point = points.get(q);
                if (point != null && (wanted & inQuarter) == inQuarter) {
                    quarters.add(point);
                    covered |= inQuarter;
                }
            }
            if (!quarters.isEmpty() && (only == null || covered == wanted)) {
                return average(period, quarters, Integer.bitCount(covered), expected, Completeness.Basis.QUARTERS,
                        covered, sum);
            }
        }
        return noData(period);
    }

    public static Result noData(Period period) {
        return new Result(period, Figure.missing(Reason.NO_DATA), new Completeness(0,
                period.granularity().months(), Completeness.Basis.NONE), Set.of(), 0, null);
    }

    /**
     * The value of a stock such as the population for a period: the period's own value or average when stored,
     * else the value of the quarter or year that contains it.
     */
    public static Result orEnclosing(Map<Period, Point> points, Period period) {
        Result result = of(points, period);
        if (!result.hasData() && period.granularity() == Granularity.MONTH) {
            result = of(points, Period.quarter(period.year(), (period.number() - 1) / 3 + 1));
        }
        if (!result.hasData() && period.granularity() != Granularity.YEAR) {
            result = of(points, Period.year(period.year()));
        }
        return result;
    }

    /** The months of the year (1-12) a period spans. */
    public static Set<Integer> monthsOf(Period period) {
        return months(bits(period));
    }

    private static int bit(int month) {
        return 1 << (month - 1);
    }

    /** The months a period spans as bits. */
    public static int bits(Period period) {
        return ((1 << period.granularity().months()) - 1) << (period.firstMonth() - 1);
    }

    /** A set of months (1-12; others are left out) as bits: bit (m - 1) for month m. */
    public static int bits(Set<Integer> months) {
        int bits = 0;
        for (int month : months) {
            if (month >= 1 && month <= 12) {
                bits |= bit(month);
            }
        }
        return bits;
    }

    /** The months of the bits as an ordered, unmodifiable set, made once for each combination. */
    public static Set<Integer> months(int bits) {
        Set<Integer> months = MONTH_SETS.get(bits);
        if (months == null) {
            months = Collections.unmodifiableSortedSet(IntStream.rangeClosed(1, 12)
                    .filter(month -> (bits & bit(month)) != 0).boxed()
                    .collect(Collectors.toCollection(TreeSet::new)));
            MONTH_SETS.set(bits, months);
        }
        return months;
    }

    private static Result average(Period period, List<Point> points, int monthsPresent, int monthsExpected,
            Completeness.Basis basis, int months, boolean sum) {
        Completeness completeness = new Completeness(monthsPresent, monthsExpected, basis);
        // Loops, not streams: figures take some 100,000 averages a second.
        Point newest = points.get(0);
        boolean suppressed = false;
        BigDecimal total = BigDecimal.ZERO;
        for (Point point : points) {
            if (point.importId() > newest.importId()) {
                newest = point;
            }
            if (point.suppressed()) {
                suppressed = true;
            } else {
                total = total.add(point.value());
            }
        }
        Figure figure;
        if (suppressed) {
            figure = Figure.missing(Reason.SUPPRESSED);
        } else {
            // One value is its own average: rounded as a division would round it, without dividing.
            figure = Figure.of(sum ? total : points.size() == 1 ? total.round(Figure.PRECISION)
                    : total.divide(BigDecimal.valueOf(points.size()), Figure.PRECISION));
        }
        return new Result(period, figure, completeness, months(months), newest.importId(),
                newest.importedAt());
    }
}
