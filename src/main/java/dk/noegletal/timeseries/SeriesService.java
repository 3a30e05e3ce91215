package dk.noegletal.timeseries;

import dk.noegletal.read.ReadRevision;
import dk.noegletal.area.AreaDto;
import dk.noegletal.area.AreaService;
import dk.noegletal.measure.Measure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reads stored series. */
@ApplicationScoped
public class SeriesService {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private final ObservationRepository repository;
    private final AreaService areas;
    private final ReadRevision revision;

    SeriesService(ObservationRepository repository, AreaService areas, ReadRevision revision) {
        this.repository = repository;
        this.areas = areas;
        this.revision = revision;
    }

    /**
     * When an import was made; empty when there is no such import. An import's time never changes, so each is read
     * once and then known (a report names the time of its data revision with every answer).
     */
    public Optional<OffsetDateTime> importedAt(long importId) {
        return repository.importTime(importId);
    }

    /** The points of a series whose periods lie within {@code from} and {@code to} (either may be null). */
    @Transactional
    public List<SeriesPointDto> points(String areaCode, String targetGroupCode, Measure measure, Period from,
            Period to) {
        return stored(areaCode, targetGroupCode, measure,
                        from == null ? EARLIEST : from.start(), to == null ? LATEST : to.end())
                .stream()
                .map(point -> new SeriesPointDto(point.period().code(), point.period().granularity(),
                        plain(point.value()), status(point.suppressed()), point.importId(), point.importedAt(), null))
                .toList();
    }

    /**
     * The series at one granularity: for every month, quarter or year from {@code from} to {@code to} (by default
     * the span of the stored values) that has any data, its average with how complete it is.
     */
    @Transactional
    public List<SeriesPointDto> averages(String areaCode, String targetGroupCode, Measure measure,
            Granularity granularity, Period from, Period to) {
        LocalDate start = from == null ? EARLIEST : Period.containing(from.start(), granularity).start();
        LocalDate end = to == null ? LATEST : Period.containing(to.end(), granularity).end();
        List<Point> stored = stored(areaCode, targetGroupCode, measure, start, end);
        if (stored.isEmpty()) {
            return List.of();
        }
        Map<Period, Point> byPeriod = new HashMap<>();
        stored.forEach(point -> byPeriod.put(point.period(), point));
        LocalDate first = from == null ? stored.get(0).period().start() : start;
        LocalDate last = to == null
                ? stored.stream().map(point -> point.period().end()).max(LocalDate::compareTo).orElseThrow() : end;
        List<SeriesPointDto> points = new ArrayList<>();
        for (Period period : Period.between(first, last, granularity)) {
            PeriodAverage.Result average = PeriodAverage.of(byPeriod, period);
            if (average.hasData()) {
                points.add(new SeriesPointDto(period.code(), granularity, average.figure().value(),
                        status(!average.figure().known()), average.revision(), average.revisedAt(),
                        CompletenessDto.of(average.completeness())));
            }
        }
        return points;
    }

    private static String status(boolean suppressed) {
        return (suppressed ? ObservationStatus.SUPPRESSED : ObservationStatus.OK).code();
    }

    /** What identifies a series. */
    public record SeriesKey(String areaCode, String targetGroupCode, Measure measure) {
    }

    /** The current points of the given areas and measures in the periods from {@code first} to {@code last}. */
    @Transactional
    public Map<SeriesKey, Map<Period, Point>> current(Collection<String> areaCodes, Collection<Measure> measures,
            Period first, Period last) {
        return current(areaCodes, measures, null, first, last);
    }

    /**
     * The current points of the given areas and measures in the periods from {@code first} to {@code last}; of a
     * measure by target group only those of the given groups (every group when null). One statement, or none when
     * the observations are kept in memory; read-only maps.
     */
    @Transactional
    public Map<SeriesKey, Map<Period, Point>> current(Collection<String> areaCodes, Collection<Measure> measures,
            Collection<String> targetGroupCodes, Period first, Period last) {
        return repository.currentSeries(revision.get(), areaCodes, measures, targetGroupCodes, first.start(),
                last.end());
    }

    /**
     * The points of a series whose periods end on or before {@code through}: of kept observations a narrower view,
     * of others a copy.
     */
    public static Map<Period, Point> endingBy(Map<Period, Point> points, LocalDate through) {
        if (points instanceof CurrentObservations.KeptPoints kept) {
            return kept.endingBy((int) through.toEpochDay());
        }
        Map<Period, Point> ending = new HashMap<>();
        points.forEach((period, point) -> {
            if (!period.end().isAfter(through)) {
                ending.put(period, point);
            }
        });
        return ending;
    }

    /** Whether {@code points} has every period that {@code other} has; of kept points without making periods. */
    public static boolean hasEveryPeriodOf(Map<Period, Point> points, Map<Period, Point> other) {
        if (points instanceof CurrentObservations.KeptPoints kept
                && other instanceof CurrentObservations.KeptPoints keptOther) {
            return kept.hasEveryPeriodOf(keptOther);
        }
        return points.keySet().containsAll(other.keySet());
    }

    /** The newest import among the points of the series (0 when there are none), without making kept points. */
    public static long newestImportId(Collection<Map<Period, Point>> series) {
        return series.stream().mapToLong(SeriesService::newestImportId).max().orElse(0);
    }

    static long newestImportId(Map<Period, Point> points) {
        if (points instanceof CurrentObservations.KeptPoints kept) {
            return kept.newestImportId();
        }
        return points.values().stream().mapToLong(Point::importId).max().orElse(0);
    }

    /**
     * The sums over a set of areas (all municipalities when {@code areaCodes} is null) of the given measures in
     * the periods from {@code first} to {@code last}, keyed as the series of {@code asArea}; only periods where
     * every one of the areas has a value are included (null when any was suppressed).
     */
    @Transactional
    public Map<SeriesKey, Map<Period, Point>> totals(String asArea, Collection<String> areaCodes,
            Collection<Measure> measures, Period first, Period last) {
        return totals(asArea, areaCodes, measures, null, first, last);
    }

    /** As {@link #totals(String, Collection, Collection, Period, Period)}, of the given target groups only. */
    @Transactional
    public Map<SeriesKey, Map<Period, Point>> totals(String asArea, Collection<String> areaCodes,
            Collection<Measure> measures, Collection<String> targetGroupCodes, Period first, Period last) {
        Map<SeriesKey, Map<Period, Point>> totals = new HashMap<>();
        for (ObservationRepository.Row row : repository.totals(revision.get(), areaCodes, measures, targetGroupCodes,
                first.start(), last.end())) {
            totals.computeIfAbsent(new SeriesKey(asArea, row.targetGroupCode(), row.measure()),
                    key -> new HashMap<>()).put(row.point().period(), row.point());
        }
        return totals;
    }

    /** The stored series of an area, or for a cluster the sums over its members. */
    private List<Point> stored(String areaCode, String targetGroupCode, Measure measure, LocalDate from,
            LocalDate to) {
        AreaDto area = areas.find(areaCode).orElseThrow();
        List<String> constituents = areas.constituents(area);
        if (constituents.equals(List.of(areaCode))) {
            return repository.series(revision.get(), areaCode, targetGroupCode, measure, from, to);
        }
        return repository.totals(revision.get(), constituents, List.of(measure), from, to).stream()
                .filter(row -> Objects.equals(row.targetGroupCode(), targetGroupCode))
                .map(ObservationRepository.Row::point)
                .sorted(Comparator.comparing(Point::period))
                .toList();
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
