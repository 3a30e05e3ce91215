package dk.noegletal.table;

import dk.noegletal.keyfigure.KeyFigureCalculator.Change;
import dk.noegletal.keyfigure.KeyFigureCalculator.NationalSource;
import dk.noegletal.keyfigure.KeyFigureCalculator.Share;
import dk.noegletal.timeseries.Completeness;
import dk.noegletal.timeseries.Figure;
import dk.noegletal.timeseries.Granularity;
import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.PeriodAverage;
import dk.noegletal.timeseries.Point;
import dk.noegletal.timeseries.Reason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of one series of any table for an area and period, by the measure's kind: the value (a stock's
 * average of months, a flow's sum, a head count's or ratio's imported value), the same period a year earlier, the
 * change, the national share and the share of the population 16-66 where the kind allows them. Plain Java.
 */
public final class TableFigureCalculator {

    private TableFigureCalculator() {
    }

    /**
     * A series of values by period, or the reason there can be none (a ratio of an area that would be a sum).
     * {@code source} says where the values come from: own, sum-of-municipalities or sum-of-members.
     */
    public record Series(Map<Period, Point> points, Reason missing, String source) {

        public static Series of(Map<Period, Point> points, String source) {
            return new Series(points, null, source);
        }

        public static Series none(Reason reason) {
            return new Series(Map.of(), reason, null);
        }
    }

    public record Input(MeasureKind kind, Period period, Series area, Series country, Series municipalTotal,
            Map<Period, Point> population) {
    }

    public record Figures(Figure value, Figure previousYear, Change change, Share nationalShare,
            Share shareOfPopulation, Completeness completeness, String valueSource) {
    }

    /**
     * A period's value by the rule of the kind, the same period a year earlier (for a partial period: the same
     * months) and the change between them. {@code months} are the months of the year the value covers when it is
     * partial, else null.
     */
    public record Yearly(PeriodAverage.Result current, Figure value, Figure previousYear, Change change,
            Set<Integer> months) {

        public Completeness completeness() {
            return current.completeness();
        }
    }

    public static Yearly yearly(MeasureKind kind, Series series, Period period) {
        PeriodAverage.Result current = value(kind, series, period, null);
        Set<Integer> months = current.completeness().partial() && current.hasData() ? current.months() : null;
        PeriodAverage.Result earlier = value(kind, series, period.yearEarlier(), months);
        Figure value = current.figure();
        Figure previous;
        if (earlier.hasData() || earlier.figure().reason() != Reason.NO_DATA) {
            previous = earlier.figure();
        } else if (months != null && value(kind, series, period.yearEarlier(), null).hasData()) {
            previous = Figure.missing(Reason.NO_COMPARABLE_PREVIOUS_VALUE);
        } else {
            previous = Figure.missing(Reason.NO_PREVIOUS_VALUE);
        }
        Change change = new Change(value.minus(previous), value.percentChangeFrom(previous));
        return new Yearly(current, value, previous, change, months);
    }

    public static Figures compute(Input input) {
        MeasureKind kind = input.kind();
        Period period = input.period();
        Yearly yearly = yearly(kind, input.area(), period);
        Figure value = yearly.value();
        Figure previous = yearly.previousYear();
        Set<Integer> months = yearly.months();

        Share national;
        Share population;
        if (!kind.additive()) {
            Figure not = Figure.missing(Reason.NOT_ADDITIVE);
            national = new Share(not, not, not, not, null);
            population = new Share(not, not, not, not, null);
        } else {
            National now = national(input, period, months);
            National before = national(input, period.yearEarlier(), months);
            national = share(value.percentOf(now.figure()), previous.percentOf(before.figure()), now.source());
            population = share(value.percentOf(population(input.population(), period)),
                    previous.percentOf(population(input.population(), period.yearEarlier())), null);
        }
        return new Figures(value, previous, yearly.change(), national, population, yearly.completeness(),
                input.area().source());
    }

    /** The value of a series for a period by the rule of the measure's kind. */
    public static PeriodAverage.Result value(MeasureKind kind, Series series, Period period, Set<Integer> months) {
        if (series.missing() != null) {
            PeriodAverage.Result none = PeriodAverage.noData(period);
            return new PeriodAverage.Result(period, Figure.missing(series.missing()), none.completeness(), Set.of(),
                    0, null);
        }
        if (kind.fromMonths()) {
            return PeriodAverage.of(series.points(), period, months, kind == MeasureKind.FLOW);
        }
        Point own = series.points().get(period);
        if (own != null && months == null) {
            return PeriodAverage.of(Map.of(period, own), period, null);
        }
        PeriodAverage.Result none = PeriodAverage.noData(period);
        boolean anyWithin = series.points().keySet().stream().anyMatch(stored -> !stored.equals(period)
                && !stored.start().isBefore(period.start()) && !stored.end().isAfter(period.end()));
        return anyWithin ? new PeriodAverage.Result(period, Figure.missing(Reason.NO_PERIOD_RULE),
                none.completeness(), Set.of(), 0, null) : none;
    }

    /**
     * A series as points from {@code first} to {@code last}: at a granularity, each of its periods that overlaps
     * them; without one, each period in {@code stored} within them (the periods as imported). Either bound may be
     * null: then the span of {@code stored}. A point is left out only where nothing is stored for it; a period
     * whose value the kind forbids (a head count's year made of months: no-period-rule; a ratio summed over
     * areas: not-additive) is a point with that reason.
     *
     * @param stored every period read for the series, of the area or of the areas it is made of
     */
    public static List<PeriodAverage.Result> points(MeasureKind kind, Series series, Granularity granularity,
            Collection<Period> stored, LocalDate first, LocalDate last) {
        List<Period> periods;
        if (granularity == null) {
            periods = stored.stream().filter(period -> within(period, first, last)).distinct().sorted().toList();
        } else {
            LocalDate from = first != null ? first
                    : stored.stream().map(Period::start).min(LocalDate::compareTo).orElse(null);
            LocalDate to = last != null ? last
                    : stored.stream().map(Period::end).max(LocalDate::compareTo).orElse(null);
            periods = from == null || to == null || from.isAfter(to) ? List.of()
                    : Period.between(from, to, granularity);
        }
        List<PeriodAverage.Result> points = new ArrayList<>();
        for (Period period : periods) {
            PeriodAverage.Result result = value(kind, series, period, null);
            if (result.hasData() || result.figure().reason() != Reason.NO_DATA) {
                points.add(result);
            }
        }
        return points;
    }

    private static boolean within(Period period, LocalDate first, LocalDate last) {
        return (first == null || !period.start().isBefore(first)) && (last == null || !period.end().isAfter(last));
    }

    private record National(Figure figure, NationalSource source) {
    }

    private static National national(Input input, Period period, Set<Integer> months) {
        PeriodAverage.Result country = value(input.kind(), input.country(), period, months);
        if (country.hasData()) {
            return new National(country.figure(), NationalSource.COUNTRY);
        }
        PeriodAverage.Result municipalities = value(input.kind(), input.municipalTotal(), period, months);
        if (municipalities.hasData()) {
            return new National(municipalities.figure(), NationalSource.SUM_OF_MUNICIPALITIES);
        }
        return new National(Figure.missing(Reason.NO_NATIONAL_FIGURE), null);
    }

    private static Figure population(Map<Period, Point> population, Period period) {
        PeriodAverage.Result result = PeriodAverage.orEnclosing(population, period);
        return result.hasData() ? result.figure() : Figure.missing(Reason.NO_POPULATION);
    }

    private static Share share(Figure value, Figure previous, NationalSource source) {
        return new Share(value, previous, value.minus(previous), value.percentChangeFrom(previous), source);
    }

    /**
     * The sum of several areas' series, period by period, only where every one of them has a value (suppressed when
     * any was suppressed); null when there are no parts.
     */
    public static Map<Period, Point> sum(Collection<Map<Period, Point>> parts, int expectedParts) {
        if (parts.size() < expectedParts || parts.isEmpty()) {
            return Map.of();
        }
        Map<Period, List<Point>> byPeriod = new HashMap<>();
        parts.forEach(points -> points.forEach((period, point) ->
                byPeriod.computeIfAbsent(period, key -> new ArrayList<>()).add(point)));
        Map<Period, Point> sums = new HashMap<>();
        byPeriod.forEach((period, points) -> {
            if (points.size() == expectedParts) {
                boolean suppressed = points.stream().anyMatch(Point::suppressed);
                BigDecimal total = suppressed ? null
                        : points.stream().map(Point::value).reduce(BigDecimal.ZERO, BigDecimal::add);
                Point newest = points.stream().max(java.util.Comparator.comparingLong(Point::importId)).orElseThrow();
                OffsetDateTime at = newest.importedAt();
                sums.put(period, new Point(period, total, newest.importId(), at));
            }
        });
        return sums;
    }
}
