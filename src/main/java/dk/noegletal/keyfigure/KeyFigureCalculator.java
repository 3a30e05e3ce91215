package dk.noegletal.keyfigure;

import dk.noegletal.targetgroup.TargetGroupDto;
import dk.noegletal.timeseries.Completeness;
import dk.noegletal.timeseries.Figure;
import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.PeriodAverage;
import dk.noegletal.timeseries.Point;
import dk.noegletal.timeseries.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The key figures of one area and period, for every target group and "I alt": full-time persons (the period
 * average), the change on the same period a year earlier, the national share and the share of the population
 * 16-66 with their changes. Plain Java: series in, figures out.
 */
public final class KeyFigureCalculator {

    public static final String TOTAL_CODE = "i-alt";
    public static final String TOTAL_NAME = "I alt";

    private KeyFigureCalculator() {
    }

    /**
     * The stored series the figures are computed from, each keyed by target-group code and period: the area's,
     * the country's, the sums over all municipalities (only where all have a value), and the area's population.
     */
    public record Input(Period period, List<TargetGroupDto> tree, Map<String, Map<Period, Point>> area,
            Map<String, Map<Period, Point>> country, Map<String, Map<Period, Point>> municipalTotals,
            Map<Period, Point> population, Resolutions resolutions) {

        /** An input of its own: the values it finds are not shared with other inputs. */
        public Input(Period period, List<TargetGroupDto> tree, Map<String, Map<Period, Point>> area,
                Map<String, Map<Period, Point>> country, Map<String, Map<Period, Point>> municipalTotals,
                Map<Period, Point> population) {
            this(period, tree, area, country, municipalTotals, population, new Resolutions());
        }
    }

    /**
     * The values found for the inputs of one computation (of one tree of target groups): each group's, and the
     * total's, in each series, period and months once. "I alt" sums the top-level groups that their rows found
     * already, and every area's national share divides by the same national figure (a ranking of 98 municipalities
     * found it 98 times). Series are told apart by identity: inputs of other series find their own values. Not for
     * use by several threads at once.
     */
    public static final class Resolutions {

        /** A group's (or the total's) code, the series by identity, the period, and the months (bits; -1 all). */
        private record Key(String code, Map<String, Map<Period, Point>> series, Period period, int months) {

            @Override
            public boolean equals(Object other) {
                return other instanceof Key key && key.series == series && key.months == months
                        && key.period.equals(period) && key.code.equals(code);
            }

            @Override
            public int hashCode() {
                return ((code.hashCode() * 31 + System.identityHashCode(series)) * 31 + period.hashCode()) * 31
                        + months;
            }
        }

        private final Map<Key, Resolved> found = new HashMap<>();

        private Resolved find(String code, Resolver resolver, Map<String, Map<Period, Point>> series, Period period,
                Set<Integer> months) {
            Key key = new Key(code, series, period, months == null ? -1 : PeriodAverage.bits(months));
            Resolved resolved = found.get(key);
            if (resolved == null) {
                resolved = resolver.resolve(series, period, months);
                found.put(key, resolved);
            }
            return resolved;
        }
    }

    /** Where a group's value comes from. */
    public enum ValueSource {
        /** The group's own stored figure. */
        OWN("own"),
        /** The sum of its sub-groups, as no figure of its own is stored. */
        SUM_OF_CHILDREN("sum-of-children"),
        /** "I alt": the sum of the top-level groups. */
        SUM_OF_TOP_LEVEL_GROUPS("sum-of-top-level-groups");

        private final String code;

        ValueSource(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Where the national figure behind a national share comes from. */
    public enum NationalSource {
        /** The figure stored for the country (area 000). */
        COUNTRY("country"),
        /** The sum over all municipalities, used only when no country figure is stored and all have a value. */
        SUM_OF_MUNICIPALITIES("sum-of-municipalities");

        private final String code;

        NationalSource(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A change on the same period a year earlier. */
    public record Change(Figure absolute, Figure percent) {
    }

    /**
     * A share in percent, a year earlier, the change in percentage points and the relative change in percent;
     * {@code source} says where the national figure came from (national shares only, null when there is none).
     */
    public record Share(Figure value, Figure previousYear, Figure changePp, Figure changePercent,
            NationalSource source) {
    }

    /**
     * The figures of one target group (or "I alt"). Its two shares are worked out when first read, from figures found
     * when it was made: a ranking shows one figure of each area, a quarterly report the shares of its own quarter
     * only, and their divisions were a tenth of such a request's work. Immutable to its readers; a share read by two
     * threads at once may be worked out twice, to the same value.
     */
    public static final class GroupFigures {

        private final String code;
        private final String name;
        private final String parentCode;
        private final int level;
        private final Figure fullTimePersons;
        private final Figure previousYear;
        private final Change change;
        private final Completeness completeness;
        private final ValueSource valueSource;
        private final ShareOf national;
        private final ShareOf population;
        private volatile Share nationalShare;
        private volatile Share shareOfPopulation;

        private GroupFigures(String code, String name, String parentCode, int level, Figure fullTimePersons,
                Figure previousYear, Change change, Completeness completeness, ValueSource valueSource,
                ShareOf national, ShareOf population) {
            this.code = code;
            this.name = name;
            this.parentCode = parentCode;
            this.level = level;
            this.fullTimePersons = fullTimePersons;
            this.previousYear = previousYear;
            this.change = change;
            this.completeness = completeness;
            this.valueSource = valueSource;
            this.national = national;
            this.population = population;
        }

        public String code() {
            return code;
        }

        public String name() {
            return name;
        }

        public String parentCode() {
            return parentCode;
        }

        public int level() {
            return level;
        }

        public Figure fullTimePersons() {
            return fullTimePersons;
        }

        public Figure previousYear() {
            return previousYear;
        }

        public Change change() {
            return change;
        }

        public Share nationalShare() {
            Share share = nationalShare;
            if (share == null) {
                share = national.of(fullTimePersons, previousYear);
                nationalShare = share;
            }
            return share;
        }

        public Share shareOfPopulation() {
            Share share = shareOfPopulation;
            if (share == null) {
                share = population.of(fullTimePersons, previousYear);
                shareOfPopulation = share;
            }
            return share;
        }

        public Completeness completeness() {
            return completeness;
        }

        public ValueSource valueSource() {
            return valueSource;
        }

        private List<Object> figures() {
            return Arrays.asList(code, name, parentCode, level, fullTimePersons, previousYear, change, nationalShare(),
                    shareOfPopulation(), completeness, valueSource);
        }

        /** Equal when every figure is, the shares included (as a record's components would be). */
        @Override
        public boolean equals(Object other) {
            return other instanceof GroupFigures group && group.figures().equals(figures());
        }

        @Override
        public int hashCode() {
            return figures().hashCode();
        }

        @Override
        public String toString() {
            return "GroupFigures" + figures();
        }
    }

    /** The whole a share is taken of, in the period and a year earlier, and where the national figure came from. */
    private record ShareOf(Figure now, Figure yearEarlier, NationalSource source) {

        Share of(Figure value, Figure previous) {
            return share(value.percentOf(now), previous.percentOf(yearEarlier), source);
        }
    }

    /** A group's value in one period and how it was found. */
    private record Resolved(Figure figure, Completeness completeness, Set<Integer> months, ValueSource source) {

        boolean hasData() {
            return completeness.basis() != Completeness.Basis.NONE;
        }
    }

    /** How to find a group's (or the total's) value in a set of series, for a period and months of the year. */
    private interface Resolver {
        Resolved resolve(Map<String, Map<Period, Point>> series, Period period, Set<Integer> months);
    }

    /** The figures of every group in catalogue order (parents before their sub-groups), then "I alt". */
    public static List<GroupFigures> compute(Input input) {
        List<GroupFigures> figures = new ArrayList<>();
        Population population = population(input);
        for (TargetGroupDto top : input.tree()) {
            addWithChildren(top, input, population, figures);
        }
        figures.add(total(input, population));
        return figures;
    }

    /** "I alt": the sum of the top-level groups. */
    private static GroupFigures total(Input input, Population population) {
        Resolutions resolutions = input.resolutions();
        Resolver sum = (series, period, months) -> sum(parts(input.tree(), resolutions, series, period), period,
                months, ValueSource.SUM_OF_TOP_LEVEL_GROUPS);
        Resolver total = (series, period, months) -> resolutions.find(TOTAL_CODE, sum, series, period, months);
        return figures(TOTAL_CODE, TOTAL_NAME, null, 0, total, input, population);
    }

    /** The area's population 16-66 in the period and a year earlier: the same for every group. */
    private record Population(Figure now, Figure yearEarlier) {
    }

    private static Population population(Input input) {
        return new Population(population(input, input.period()), population(input, input.period().yearEarlier()));
    }

    private static Figure population(Input input, Period period) {
        PeriodAverage.Result result = PeriodAverage.orEnclosing(input.population(), period);
        return result.hasData() ? result.figure() : Figure.missing(Reason.NO_POPULATION);
    }

    /**
     * The figures of one target group, or of "I alt" ({@link #TOTAL_CODE}): the same as its entry in
     * {@link #compute(Input)}, for a ranking or comparison that shows one group. A group's figures depend on its own
     * series and its sub-groups' only ("I alt" on every group's), so the input needs no other groups. Empty when the
     * tree has no such group.
     */
    public static Optional<GroupFigures> compute(Input input, String code) {
        if (code.equals(TOTAL_CODE)) {
            return Optional.of(total(input, population(input)));
        }
        return find(input.tree(), code).map(group -> figures(group.code(), group.name(), group.parentCode(),
                group.level(), resolver(group, input.resolutions()), input, population(input)));
    }

    private static Optional<TargetGroupDto> find(List<TargetGroupDto> groups, String code) {
        for (TargetGroupDto group : groups) {
            if (group.code().equals(code)) {
                return Optional.of(group);
            }
            Optional<TargetGroupDto> found = find(group.children(), code);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static void addWithChildren(TargetGroupDto group, Input input, Population population,
            List<GroupFigures> into) {
        into.add(figures(group.code(), group.name(), group.parentCode(), group.level(),
                resolver(group, input.resolutions()), input, population));
        group.children().forEach(child -> addWithChildren(child, input, population, into));
    }

    private static GroupFigures figures(String code, String name, String parentCode, int level, Resolver resolver,
            Input input, Population population) {
        Period period = input.period();
        Resolved current = resolver.resolve(input.area(), period, null);
        // A partial period is compared with the same months a year earlier, never with a whole year.
        Set<Integer> months = current.completeness().partial() ? current.months() : null;
        Resolved earlier = resolver.resolve(input.area(), period.yearEarlier(), months);
        Figure value = current.figure();
        Figure previous;
        if (earlier.hasData()) {
            previous = earlier.figure();
        } else if (months != null && resolver.resolve(input.area(), period.yearEarlier(), null).hasData()) {
            previous = Figure.missing(Reason.NO_COMPARABLE_PREVIOUS_VALUE);
        } else {
            previous = Figure.missing(Reason.NO_PREVIOUS_VALUE);
        }
        Change change = new Change(value.minus(previous), value.percentChangeFrom(previous));

        National national = national(resolver, input, period, months);
        National nationalEarlier = national(resolver, input, period.yearEarlier(), months);
        return new GroupFigures(code, name, parentCode, level, value, previous, change, current.completeness(),
                current.source(), new ShareOf(national.figure(), nationalEarlier.figure(), national.source()),
                new ShareOf(population.now(), population.yearEarlier(), null));
    }

    private record National(Figure figure, NationalSource source) {
    }

    private static National national(Resolver resolver, Input input, Period period, Set<Integer> months) {
        Resolved country = resolver.resolve(input.country(), period, months);
        if (stated(country.figure())) {
            return new National(country.figure(), NationalSource.COUNTRY);
        }
        Resolved municipalities = resolver.resolve(input.municipalTotals(), period, months);
        if (stated(municipalities.figure())) {
            return new National(municipalities.figure(), NationalSource.SUM_OF_MUNICIPALITIES);
        }
        return new National(Figure.missing(Reason.NO_NATIONAL_FIGURE), null);
    }

    /** Whether a source gives this figure: a value, or a suppressed one (which is not replaced by another). */
    private static boolean stated(Figure figure) {
        return figure.known() || figure.reason() == Reason.SUPPRESSED;
    }

    private static Share share(Figure value, Figure previous, NationalSource source) {
        return new Share(value, previous, value.minus(previous), value.percentChangeFrom(previous), source);
    }

    /** How a group's value is found, each once in the computation. */
    private static Resolver resolver(TargetGroupDto group, Resolutions resolutions) {
        Resolver once = (series, period, months) -> resolve(group, resolutions, series, period, months);
        return (series, period, months) -> resolutions.find(group.code(), once, series, period, months);
    }

    /** A group's own figure where one is stored, otherwise the sum of its sub-groups; never both. */
    private static Resolved resolve(TargetGroupDto group, Resolutions resolutions,
            Map<String, Map<Period, Point>> series, Period period, Set<Integer> months) {
        PeriodAverage.Result own = PeriodAverage.of(series.getOrDefault(group.code(), Map.of()), period, months);
        if (own.hasData() || group.children().isEmpty()) {
            return new Resolved(own.figure(), own.completeness(), own.months(), ValueSource.OWN);
        }
        return sum(parts(group.children(), resolutions, series, period), period, months,
                ValueSource.SUM_OF_CHILDREN);
    }

    /** Each group's value as a function of the months to take it over. */
    private static List<Function<Set<Integer>, Resolved>> parts(List<TargetGroupDto> groups,
            Resolutions resolutions, Map<String, Map<Period, Point>> series, Period period) {
        return groups.stream().<Function<Set<Integer>, Resolved>>map(group -> {
            Resolver resolver = resolver(group, resolutions);
            return months -> resolver.resolve(series, period, months);
        }).toList();
    }

    /**
     * The sum of parts, taken over the months they all cover, so that a group a month behind the others does
     * not make the sum mix months. Unknown when a part is suppressed, or has no value for those months.
     */
    private static Resolved sum(List<Function<Set<Integer>, Resolved>> parts, Period period, Set<Integer> months,
            ValueSource source) {
        // Loops and bits, not streams and sets: a report computes some thousands of sums.
        List<Resolved> resolved = new ArrayList<>(parts.size());
        Resolved least = null;
        boolean suppressed = false;
        for (Function<Set<Integer>, Resolved> part : parts) {
            Resolved one = part.apply(months);
            resolved.add(one);
            if (one.hasData() && (least == null
                    || one.completeness().monthsPresent() < least.completeness().monthsPresent())) {
                least = one;
            }
            suppressed |= one.figure().reason() == Reason.SUPPRESSED;
        }
        if (least == null) {
            PeriodAverage.Result none = PeriodAverage.noData(period);
            return new Resolved(none.figure(), none.completeness(), Set.of(), source);
        }
        if (suppressed) {
            return unknown(Reason.SUPPRESSED, least, source);
        }
        if (resolved.stream().anyMatch(part -> !part.hasData())) {
            return unknown(Reason.INCOMPLETE_PARTS, least, source);
        }
        int common = PeriodAverage.bits(period);
        for (Resolved part : resolved) {
            common &= PeriodAverage.bits(part.months());
        }
        boolean sameMonths = true;
        for (Resolved part : resolved) {
            sameMonths &= PeriodAverage.bits(part.months()) == common;
        }
        if (!sameMonths) {
            if (common == 0) {
                return unknown(Reason.INCOMPLETE_PARTS, least, source);
            }
            Set<Integer> commonMonths = PeriodAverage.months(common);
            resolved = new ArrayList<>(parts.size());
            for (Function<Set<Integer>, Resolved> part : parts) {
                Resolved one = part.apply(commonMonths);
                if (!one.hasData()) {
                    return unknown(Reason.INCOMPLETE_PARTS, least, source);
                }
                resolved.add(one);
            }
        }
        Figure figure = null;
        Completeness.Basis basis = resolved.get(0).completeness().basis();
        for (Resolved part : resolved) {
            if (part.figure().reason() == Reason.SUPPRESSED) {
                return unknown(Reason.SUPPRESSED, least, source);
            }
            figure = figure == null ? part.figure() : figure.plus(part.figure());
            if (part.completeness().basis() != basis) {
                basis = Completeness.Basis.MONTHS;
            }
        }
        return new Resolved(figure, new Completeness(Integer.bitCount(common), period.granularity().months(), basis),
                PeriodAverage.months(common), source);
    }

    private static Resolved unknown(Reason reason, Resolved least, ValueSource source) {
        return new Resolved(Figure.missing(reason), least.completeness(), least.months(), source);
    }
}
