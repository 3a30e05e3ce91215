package dk.noegletal.timeseries;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The value of one series for a month, quarter or year. A quarter or year is the average of its months (or a
 * year of its quarters), not their sum; a value stored for the period itself is used as it is. Plain Java.
 */
public final class PeriodAverage {

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
        Set<Integer> wanted = new TreeSet<>(monthsOf(period));
        if (only != null) {
            wanted.retainAll(only);
        }
        Point own = points.get(period);
        if (own != null && wanted.size() == expected) {
            return average(period, List.of(own), expected, expected, Completeness.Basis.AS_IMPORTED, wanted, false);
        }
        List<Point> months = new ArrayList<>();
        Set<Integer> used = new TreeSet<>();
        for (int month : wanted) {
            Point point = points.get(Period.month(period.year(), month));
            if (point != null) {
                months.add(point);
                used.add(month);
            }
        }
        if (!months.isEmpty() && (only == null || used.equals(wanted))) {
            return average(period, months, months.size(), expected, Completeness.Basis.MONTHS, used, sum);
        }
        if (period.granularity() == Granularity.YEAR) {
            List<Point> quarters = new ArrayList<>();
            Set<Integer> covered = new TreeSet<>();
            for (int quarter = 1; quarter <= 4; quarter++) {
                Period q = Period.quarter(period.year(), quarter);
                Point point = points.get(q);
                if (point != null && wanted.containsAll(monthsOf(q))) {
                    quarters.add(point);
                    covered.addAll(monthsOf(q));
                }
            }
            if (!quarters.isEmpty() && (only == null || covered.equals(wanted))) {
                return average(period, quarters, covered.size(), expected, Completeness.Basis.QUARTERS, covered,
                        sum);
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
        int first = period.start().getMonthValue();
        return IntStream.range(first, first + period.granularity().months()).boxed()
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    private static Result average(Period period, List<Point> points, int monthsPresent, int monthsExpected,
            Completeness.Basis basis, Set<Integer> months, boolean sum) {
        Completeness completeness = new Completeness(monthsPresent, monthsExpected, basis);
        Point newest = points.stream().max(Comparator.comparingLong(Point::importId)).orElseThrow();
        Figure figure;
        if (points.stream().anyMatch(Point::suppressed)) {
            figure = Figure.missing(Reason.SUPPRESSED);
        } else {
            BigDecimal total = points.stream().map(Point::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            figure = Figure.of(sum ? total : total.divide(BigDecimal.valueOf(points.size()), Figure.PRECISION));
        }
        return new Result(period, figure, completeness, Set.copyOf(months), newest.importId(),
                newest.importedAt());
    }
}
