package dk.noegletal.table;

import dk.noegletal.area.AreaDto;
import dk.noegletal.area.AreaService;
import dk.noegletal.area.AreaType;
import dk.noegletal.common.ProblemException;
import dk.noegletal.keyfigure.FigureMapper;
import dk.noegletal.keyfigure.FigureNotes;
import dk.noegletal.keyfigure.KeyFiguresDto;
import dk.noegletal.measure.Measure;
import dk.noegletal.ranking.CompetitionRanking;
import dk.noegletal.timeseries.Completeness;
import dk.noegletal.timeseries.CompletenessDto;
import dk.noegletal.timeseries.Granularity;
import dk.noegletal.timeseries.LatestPeriod;
import dk.noegletal.timeseries.NewestPeriods;
import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.PeriodAverage;
import dk.noegletal.timeseries.PeriodParameter;
import dk.noegletal.timeseries.Point;
import dk.noegletal.read.ReadRevision;
import dk.noegletal.timeseries.SeriesService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The figures of any table: a measure, one member of each dimension (each defaulting to its total) or one dimension
 * broken down, for an area and period, the ranking of the municipalities, and an area's series. Reads are set-based:
 * one statement for the series asked for, over all areas (or an area and the municipalities it may be the sum of),
 * and one for the population.
 */
@ApplicationScoped
public class TableFigureService {

    /** The first and last days a stored period can have: the bounds of a read without them. */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private final TableRepository repository;
    private final AreaService areas;
    private final SeriesService series;
    private final ReadRevision revision;

    TableFigureService(TableRepository repository, AreaService areas, SeriesService series, ReadRevision revision) {
        this.repository = repository;
        this.areas = areas;
        this.series = series;
        this.revision = revision;
    }

    @Transactional
    public TableDefinition table(String id) {
        return repository.find(id == null ? "" : id.trim())
                .orElseThrow(() -> ProblemException.notFound("There is no table with id " + id + "; see "
                        + "/api/v1/tables, or import it with POST /api/v1/imports?table=" + id + "."));
    }

    /** What a request names: a measure, one member per dimension, and perhaps a dimension broken down. */
    record Selection(TableDefinition table, TableDefinition.MeasureDefinition measure,
            TableDefinition.Dimension by, List<TableDefinition.Member> fixed, List<TableDefinition.Member> rows,
            Map<TableRepository.SeriesKey, Long> series) {

        /** The members of one row (the fixed ones, with the row's member in the broken-down dimension). */
        List<TableDefinition.Member> members(TableDefinition.Member row) {
            List<TableDefinition.Member> members = new ArrayList<>(fixed);
            if (by != null) {
                members.set(table.dimensions().indexOf(by), row);
            }
            return members;
        }

        List<TableFiguresDto.MemberRef> fixedRefs() {
            List<TableFiguresDto.MemberRef> refs = new ArrayList<>();
            for (int d = 0; d < fixed.size(); d++) {
                if (by == null || table.dimensions().get(d) != by) {
                    refs.add(ref(table.dimensions().get(d), fixed.get(d)));
                }
            }
            return refs;
        }
    }

    /**
     * Reads a request's choice.
     *
     * @param members each {@code dimension:member}, by code or label
     */
    Selection select(TableDefinition table, String measure, List<String> members, String by) {
        TableDefinition.MeasureDefinition chosen;
        if (measure == null || measure.isBlank()) {
            chosen = table.measures().get(0);
        } else {
            chosen = table.measure(measure).orElseThrow(() -> invalid("The table " + table.id() + " has no measure '"
                    + measure.trim() + "'; use one of " + String.join(", ",
                            table.measures().stream().map(TableDefinition.MeasureDefinition::code).toList()) + "."));
        }
        Map<TableDefinition.Dimension, TableDefinition.Member> named = new HashMap<>();
        for (String text : members == null ? List.<String>of() : members) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw invalid("The parameter 'member' must be dimension:member, such as a-kasse:i-alt, not '"
                        + text + "'.");
            }
            String dimensionText = text.substring(0, colon);
            TableDefinition.Dimension dimension = table.dimension(dimensionText).orElseThrow(() -> invalid("The table "
                    + table.id() + " has no dimension '" + dimensionText.trim() + "'; it has " + dimensions(table)
                    + "."));
            String memberText = text.substring(colon + 1);
            named.put(dimension, dimension.member(memberText).orElseThrow(() -> invalid("The dimension "
                    + dimension.label() + " has no member '" + memberText.trim() + "'; see /api/v1/tables/"
                    + table.id() + ".")));
        }
        TableDefinition.Dimension breakdown = null;
        if (by != null && !by.isBlank()) {
            breakdown = table.dimension(by).orElseThrow(() -> invalid("The table " + table.id()
                    + " has no dimension '" + by.trim() + "' to break down; it has " + dimensions(table) + "."));
            if (named.containsKey(breakdown)) {
                throw invalid("The dimension " + breakdown.label() + " is broken down ('by'), so no member of it can "
                        + "be chosen as well.");
            }
        }
        List<TableDefinition.Member> fixed = new ArrayList<>();
        for (TableDefinition.Dimension dimension : table.dimensions()) {
            TableDefinition.Member member = named.get(dimension);
            if (member == null && dimension != breakdown) {
                member = dimension.total().orElseThrow(() -> invalid("The dimension " + dimension.label()
                        + " has no total; choose a member with member=" + dimension.code() + ":<member>."));
            }
            fixed.add(member == null ? dimension.members().get(0) : member);
        }
        List<TableDefinition.Member> rows = breakdown == null ? java.util.Collections.singletonList(null)
                : breakdown.members();
        return new Selection(table, chosen, breakdown, fixed, rows, repository.series(table.id()));
    }

    /** The period asked for: a period code, or latest, latest-month, latest-quarter or latest-year. */
    Period period(TableDefinition table, String text) {
        return period(table, "period", text);
    }

    /**
     * The period a parameter gives: a period code, or latest, latest-month, latest-quarter or latest-year, the newest
     * of the table's stored periods (of any series and area), as {@link NewestPeriods} resolves the words.
     */
    Period period(TableDefinition table, String parameter, String text) {
        return PeriodParameter.requiredOrLatest(parameter, text).resolve(word -> newest(table).resolve(word)
                .orElseThrow(() -> ProblemException.notFound("The table " + table.id() + " holds no values"
                        + (word == LatestPeriod.LATEST ? "" : " for a " + word.word().substring("latest-".length()))
                        + ", so there is no latest period.")));
    }

    /** The newest stored period of each granularity in a table, as of the read revision. */
    private NewestPeriods newest(TableDefinition table) {
        Map<Granularity, Period> newest = new HashMap<>();
        repository.periods(table.id(), revision.get()).stream().map(Period::parse)
                .forEach(period -> newest.merge(period.granularity(), period,
                        (a, b) -> a.compareTo(b) >= 0 ? a : b));
        return new NewestPeriods(newest.get(Granularity.MONTH), newest.get(Granularity.QUARTER),
                newest.get(Granularity.YEAR));
    }

    @Transactional
    public TableFiguresDto figures(String areaCode, String tableId, String measure, List<String> members, String by,
            String periodText) {
        AreaDto area = area(areaCode);
        TableDefinition table = table(tableId);
        Selection selection = select(table, measure, members, by);
        Period period = period(table, periodText);
        Map<Long, Map<String, Map<Period, Point>>> stored = read(selection, period);
        Map<Period, Point> population = population(area, period);
        List<AreaDto> municipalities = areas.list(Optional.of(AreaType.MUNICIPALITY));
        MeasureKind kind = selection.measure().kind();
        List<TableFiguresDto.Row> rows = new ArrayList<>();
        for (TableDefinition.Member member : selection.rows()) {
            AreaSeries series = new AreaSeries(kind, stored.getOrDefault(seriesId(selection, member), Map.of()),
                    municipalities);
            TableFigureCalculator.Figures figures = TableFigureCalculator.compute(new TableFigureCalculator.Input(kind,
                    period, series.of(area), series.own(AreaService.COUNTRY), series.municipalTotal(), population));
            rows.add(row(selection, member, figures));
        }
        long newest = stored.values().stream().flatMap(byArea -> byArea.values().stream())
                .flatMap(points -> points.values().stream()).mapToLong(Point::importId).max().orElse(0);
        return new TableFiguresDto(new KeyFiguresDto.AreaRef(area.code(), area.name()), tableRef(table),
                measureRef(selection.measure()), period.code(), period.granularity(), period.yearEarlier().code(),
                newest, selection.fixedRefs(), selection.by() == null ? null : selection.by().code(), rows);
    }

    /**
     * A table's series as a goal or another feature names it, checked against the catalogue: every dimension's
     * member, and the labels of those that are not their dimension's total (what sets the series apart).
     */
    public record ChosenSeries(TableFiguresDto.TableRef table, TableFiguresDto.MeasureRef measure,
            List<TableFiguresDto.MemberRef> members, List<String> distinguishing) {
    }

    /** The table with the id, if there is one. */
    @Transactional
    public Optional<TableDefinition> find(String id) {
        return id == null ? Optional.empty() : repository.find(id.trim());
    }

    /**
     * Checks a choice of a table's measure (the first when none is given) and members (each dimension's total when
     * not given), answering it with canonical codes and labels; a 400 names what is wrong.
     */
    @Transactional
    public ChosenSeries choose(String tableId, String measure, List<String> members) {
        Selection selection = select(table(tableId), measure, members, null);
        List<TableFiguresDto.MemberRef> refs = new ArrayList<>();
        List<String> distinguishing = new ArrayList<>();
        for (int d = 0; d < selection.fixed().size(); d++) {
            TableDefinition.Member member = selection.fixed().get(d);
            refs.add(ref(selection.table().dimensions().get(d), member));
            if (!member.total()) {
                distinguishing.add(member.label());
            }
        }
        return new ChosenSeries(tableRef(selection.table()), measureRef(selection.measure()), refs, distinguishing);
    }

    /**
     * The figures of one series of a table for several areas in a period, from the values of periods that end on or
     * before {@code through} when it is given (a year to date as a report of its second quarter knew it), by area
     * code: one statement for the series over every area (national figures, sums), one for the population.
     */
    @Transactional
    public Map<String, TableFigureCalculator.Figures> figuresOf(String tableId, String measure, List<String> members,
            Collection<AreaDto> wanted, Period period, LocalDate through) {
        Selection selection = select(table(tableId), measure, members, null);
        LocalDate last = Period.year(period.year()).end();
        Map<String, Map<Period, Point>> stored = read(selection, null, Period.year(period.year() - 1).start(),
                through != null && through.isBefore(last) ? through : last)
                .getOrDefault(seriesId(selection, null), Map.of());
        MeasureKind kind = selection.measure().kind();
        AreaSeries series = new AreaSeries(kind, stored, areas.list(Optional.of(AreaType.MUNICIPALITY)));
        Map<String, Map<Period, Point>> populations = populations(wanted, period);
        Map<String, TableFigureCalculator.Figures> figures = new HashMap<>();
        for (AreaDto area : wanted) {
            figures.put(area.code(), TableFigureCalculator.compute(new TableFigureCalculator.Input(kind, period,
                    series.of(area), series.own(AreaService.COUNTRY), series.municipalTotal(),
                    populations.getOrDefault(area.code(), Map.of()))));
        }
        return figures;
    }

    /**
     * A series of a table for an area: the stored periods within {@code from} and {@code to} as they are, or at a
     * granularity every period that overlaps them, with its value by the measure's kind. A region, cluster or the
     * country without values of its own is the sum of its municipalities (additive kinds only). One statement reads
     * the area and the municipalities it may be made of.
     */
    @Transactional
    public TableSeriesDto series(String areaCode, String tableId, String measure, List<String> members,
            String granularityText, String fromText, String toText) {
        AreaDto area = area(areaCode);
        TableDefinition table = table(tableId);
        Selection selection = select(table, measure, members, null);
        Granularity granularity = granularity(granularityText);
        Period from = fromText == null || fromText.isBlank() ? null : period(table, "from", fromText);
        Period to = toText == null || toText.isBlank() ? null : period(table, "to", toText);
        if (from != null && to != null && from.start().isAfter(to.end())) {
            throw invalid("'from' (" + from + ") comes after 'to' (" + to + ").");
        }
        // At a granularity, the bounds widen to the periods they fall in, so that their months are read.
        LocalDate first = from == null ? null
                : granularity == null ? from.start() : Period.containing(from.start(), granularity).start();
        LocalDate last = to == null ? null
                : granularity == null ? to.end() : Period.containing(to.end(), granularity).end();
        List<AreaDto> municipalities = areas.list(Optional.of(AreaType.MUNICIPALITY));
        MeasureKind kind = selection.measure().kind();
        AreaSeries stored = new AreaSeries(kind, readOne(selection, AreaSeries.codesToRead(List.of(area),
                municipalities), first == null ? EARLIEST : first, last == null ? LATEST : last), municipalities);
        TableFigureCalculator.Series values = stored.of(area);
        List<TableSeriesDto.Point> points = new ArrayList<>();
        long newest = 0;
        for (PeriodAverage.Result result : TableFigureCalculator.points(kind, values, granularity, stored.periods(),
                first, last)) {
            FigureNotes notes = new FigureNotes();
            partial(notes, "value", result.completeness(), kind, false);
            points.add(new TableSeriesDto.Point(result.period().code(), result.period().granularity(),
                    notes.value("value", result.figure()), CompletenessDto.of(result.completeness()),
                    result.revision(), notes.list()));
            newest = Math.max(newest, result.revision());
        }
        return new TableSeriesDto(new KeyFiguresDto.AreaRef(area.code(), area.name()), tableRef(table),
                measureRef(selection.measure()), selection.fixedRefs(), granularity,
                from == null ? null : from.code(), to == null ? null : to.code(), values.source(), newest, points);
    }

    AreaDto area(String code) {
        return areas.find(code).orElseThrow(() -> ProblemException.notFound("There is no area with code " + code
                + "."));
    }

    /** month, quarter or year (any letter case); null when not given. */
    static Granularity granularity(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (Granularity granularity : Granularity.values()) {
            if (granularity.name().equalsIgnoreCase(text.trim())) {
                return granularity;
            }
        }
        throw invalid("Unknown granularity '" + text.trim() + "'; use month, quarter or year.");
    }

    /**
     * Notes that a value covers only some months of its period, saying how it was made of them (a flow's sum, else
     * their average) and, where it is compared with a year earlier, that the same months are.
     */
    static void partial(FigureNotes notes, String field, Completeness completeness, MeasureKind kind,
            boolean compared) {
        if (completeness.partial() && completeness.monthsPresent() > 0) {
            notes.add(field, "partial-period", completeness.monthsPresent() + " of " + completeness.monthsExpected()
                    + " months are stored; the value is their " + (kind == MeasureKind.FLOW ? "sum" : "average")
                    + (compared ? " and is compared with the same months a year earlier." : "."));
        }
    }

    @Transactional
    public TableRankingDto ranking(String tableId, String measure, List<String> members, String periodText,
            CompetitionRanking.Order order) {
        TableDefinition table = table(tableId);
        Selection selection = select(table, measure, members, null);
        Period period = period(table, periodText);
        Map<String, Map<Period, Point>> byArea = read(selection, period)
                .getOrDefault(seriesId(selection, null), Map.of());
        MeasureKind kind = selection.measure().kind();
        List<AreaDto> municipalities = areas.list(Optional.of(AreaType.MUNICIPALITY));
        AreaSeries series = new AreaSeries(kind, byArea, municipalities);
        List<CompetitionRanking.Entry<AreaDto>> entries = new ArrayList<>();
        Map<String, PeriodAverage.Result> results = new HashMap<>();
        for (AreaDto municipality : municipalities) {
            PeriodAverage.Result result = TableFigureCalculator.value(kind, series.of(municipality), period, null);
            results.put(municipality.code(), result);
            entries.add(new CompetitionRanking.Entry<>(municipality, result.figure()));
        }
        List<TableRankingDto.Row> rows = new ArrayList<>();
        int ranked = 0;
        for (CompetitionRanking.Ranked<AreaDto> entry : CompetitionRanking.rank(entries, order)) {
            FigureNotes notes = new FigureNotes();
            PeriodAverage.Result result = results.get(entry.item().code());
            partial(notes, "value", result.completeness(), kind, false);
            rows.add(new TableRankingDto.Row(entry.rank(), entry.item().code(), entry.item().name(),
                    notes.value("value", entry.figure()), CompletenessDto.of(result.completeness()), notes.list()));
            ranked += entry.rank() == null ? 0 : 1;
        }
        long newest = byArea.values().stream().flatMap(points -> points.values().stream())
                .mapToLong(Point::importId).max().orElse(0);
        return new TableRankingDto(tableRef(table), measureRef(selection.measure()), period.code(), order.code(),
                selection.fixedRefs(), newest, ranked, rows);
    }

    /** The values of the selection's series over the period and the year before, of every area. */
    private Map<Long, Map<String, Map<Period, Point>>> read(Selection selection, Period period) {
        return read(selection, null, Period.year(period.year() - 1).start(), Period.year(period.year()).end());
    }

    /**
     * The values of the selection's series (each row's) whose periods lie within [from, to], of the given areas or
     * of every area when {@code areaCodes} is null, by series, area and period. One statement.
     */
    Map<Long, Map<String, Map<Period, Point>>> read(Selection selection, Collection<String> areaCodes,
            LocalDate from, LocalDate to) {
        List<Long> ids = new ArrayList<>();
        for (TableDefinition.Member member : selection.rows()) {
            Long id = seriesId(selection, member);
            if (id != null) {
                ids.add(id);
            }
        }
        Map<Long, Map<String, Map<Period, Point>>> stored = new HashMap<>();
        for (TableRepository.Row row : repository.points(revision.get(), ids, areaCodes, from, to)) {
            stored.computeIfAbsent(row.seriesId(), id -> new HashMap<>())
                    .computeIfAbsent(row.areaCode(), code -> new HashMap<>()).put(row.point().period(), row.point());
        }
        return stored;
    }

    /** The values of a selection without a breakdown, by area and period (see {@link #read}). */
    Map<String, Map<Period, Point>> readOne(Selection selection, Collection<String> areaCodes, LocalDate from,
            LocalDate to) {
        return read(selection, areaCodes, from, to).getOrDefault(seriesId(selection, null), Map.of());
    }

    private static Long seriesId(Selection selection, TableDefinition.Member member) {
        return selection.series().get(new TableRepository.SeriesKey(selection.measure().id(),
                TableStore.memberIds(selection.members(member))));
    }

    private Map<Period, Point> population(AreaDto area, Period period) {
        return populations(List.of(area), period).getOrDefault(area.code(), Map.of());
    }

    /**
     * The population 16-66 of areas over the period's year and the year before, by area code: a cluster's is the
     * sum over its members. One statement, and one per cluster.
     */
    private Map<String, Map<Period, Point>> populations(Collection<AreaDto> wanted, Period period) {
        Period first = Period.year(period.year() - 1);
        Period last = Period.year(period.year());
        Set<String> stored = new HashSet<>();
        wanted.stream().filter(area -> area.type() != AreaType.CLUSTER).forEach(area -> stored.add(area.code()));
        Map<SeriesService.SeriesKey, Map<Period, Point>> read = new HashMap<>(stored.isEmpty() ? Map.of()
                : series.current(stored, Set.of(Measure.POPULATION_16_66), first, last));
        wanted.stream().filter(area -> area.type() == AreaType.CLUSTER).forEach(cluster -> read.putAll(
                series.totals(cluster.code(), cluster.members(), Set.of(Measure.POPULATION_16_66), first, last)));
        Map<String, Map<Period, Point>> byArea = new HashMap<>();
        read.forEach((key, points) -> byArea.put(key.areaCode(), points));
        return byArea;
    }

    private static TableFiguresDto.Row row(Selection selection, TableDefinition.Member member,
            TableFigureCalculator.Figures figures) {
        FigureNotes notes = new FigureNotes();
        partial(notes, "value", figures.completeness(), selection.measure().kind(), true);
        return new TableFiguresDto.Row(
                member == null ? null : ref(selection.by(), member),
                notes.value("value", figures.value()),
                notes.value("previousYear", figures.previousYear()),
                figures.valueSource(),
                FigureMapper.change(figures.change(), notes),
                FigureMapper.nationalShare(figures.nationalShare(), notes),
                FigureMapper.shareOfPopulation(figures.shareOfPopulation(), notes),
                CompletenessDto.of(figures.completeness()),
                notes.list());
    }

    static TableFiguresDto.MemberRef ref(TableDefinition.Dimension dimension, TableDefinition.Member member) {
        return new TableFiguresDto.MemberRef(dimension.code(), member.code(), member.label());
    }

    static TableFiguresDto.TableRef tableRef(TableDefinition table) {
        return new TableFiguresDto.TableRef(table.id(), table.name());
    }

    static TableFiguresDto.MeasureRef measureRef(TableDefinition.MeasureDefinition measure) {
        return new TableFiguresDto.MeasureRef(measure.code(), measure.label(), measure.kind().code());
    }

    private static String dimensions(TableDefinition table) {
        return table.dimensions().isEmpty() ? "none" : String.join(", ",
                table.dimensions().stream().map(TableDefinition.Dimension::code).toList());
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.invalidParameter(detail);
    }

    /** The catalogue entry of a table as the API shows it, with the periods present as of the read revision. */
    @Transactional
    public TableDto describe(String id) {
        return describe(table(id));
    }

    private TableDto describe(TableDefinition table) {
        Map<Granularity, List<Period>> periods = new LinkedHashMap<>();
        repository.periods(table.id(), revision.get()).stream().map(Period::parse).sorted()
                .forEach(period -> periods.computeIfAbsent(period.granularity(), key -> new ArrayList<>()).add(period));
        List<TableDto.DimensionDto> dimensions = table.dimensions().stream().map(dimension ->
                new TableDto.DimensionDto(dimension.code(), dimension.label(), tree(dimension, null))).toList();
        List<TableDto.MeasureDto> measures = table.measures().stream().map(measure -> new TableDto.MeasureDto(
                measure.code(), measure.label(), measure.kind().code(), measure.kindSetBy())).toList();
        return new TableDto(table.id(), table.name(), table.source(), dimensions, measures, new TableDto.PeriodsDto(
                range(periods.get(Granularity.MONTH)), range(periods.get(Granularity.QUARTER)),
                range(periods.get(Granularity.YEAR))));
    }

    @Transactional
    public List<TableDto> list() {
        return repository.list().stream().map(this::describe).toList();
    }

    private static List<TableDto.MemberDto> tree(TableDefinition.Dimension dimension, Long parent) {
        return dimension.members().stream()
                .filter(member -> parent == null ? member.parentId() == null : parent.equals(member.parentId()))
                .map(member -> new TableDto.MemberDto(member.code(), member.label(), member.total(),
                        tree(dimension, member.id())))
                .toList();
    }

    private static TableDto.PeriodRangeDto range(List<Period> periods) {
        return periods == null || periods.isEmpty() ? null : new TableDto.PeriodRangeDto(periods.get(0).code(),
                periods.get(periods.size() - 1).code(), periods.size());
    }
}
