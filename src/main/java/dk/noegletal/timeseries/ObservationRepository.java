package dk.noegletal.timeseries;

import dk.noegletal.common.NoegletalConfig;
import dk.noegletal.measure.Measure;
import dk.noegletal.timeseries.SeriesService.SeriesKey;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Set-based SQL over the versioned observations of the curated tables: maalgrupper (target groups by full-time persons
 * and persons) and befolkning (population and labour force 16-66), stored like every table in stat_observation by
 * series. Rows with {@code superseded_by} null are the current ones. Reads as of the newest revision are answered from
 * the observations kept in memory ({@link CurrentObservations}) when they are there, the same rows as the SQL gives.
 */
@ApplicationScoped
class ObservationRepository {

    /**
     * The series condition of a read by area: written as an expression, so that the database reads the index by area
     * and period, not the one by series. H2 reads an index by a list of values ({@code in (...)}) by its first column
     * only, so by series it would read every area and period of each series: an import of one year of the whole
     * country took minutes once the store held a few years.
     */
    private static final String SERIES_IN = "o.series_id + 0 in ";
    /**
     * The periods within [from, to] (bound as from, to, to). The start is bounded on both sides, so that the database
     * reads only that span of an index by period start; the end is what decides.
     */
    private static final String PERIODS_WITHIN = "o.period_start >= ? and o.period_start <= ? and o.period_end <= ?";
    /**
     * About how many areas have values of a series (the country, 5 regions, 98 municipalities): how {@link #current}
     * weighs reading by area against reading by series.
     */
    private static final int AREAS_PER_SERIES = 104;
    /** How a period's granularity reads from its canonical code (2018, 2018Q4, 2018-12). */
    private static final String GRANULARITY = "case when length(o.period) = 4 then 'YEAR'"
            + " when o.period like '%Q%' then 'QUARTER' else 'MONTH' end";
    /**
     * The observations as they stood after a given import (the revision, bound twice): written by it or before,
     * and not yet replaced by then.
     */
    private static final String AS_OF = "o.import_id <= ? and (o.superseded_by is null or o.superseded_by > ?)";

    private final DataSource dataSource;
    /** Periods by their stored code: a read of a ranking meets the same 24 months some 5,000 times. */
    private final Map<String, Period> periods = new ConcurrentHashMap<>();
    /** When each import was made, by its id, as read: written once with the import, never changed. */
    private final Map<Long, OffsetDateTime> importedAt = new ConcurrentHashMap<>();

    /** The series of the curated tables maalgrupper and befolkning, read once: they are fixed by migrations. */
    private volatile CuratedSeries curated;
    private final CurrentObservations kept;

    @Inject
    ObservationRepository(DataSource dataSource, NoegletalConfig config) {
        this(dataSource, config.computations().observationsKept());
    }

    /** With at most {@code observationsKept} current observations kept in memory (0: none, the SQL answers all). */
    ObservationRepository(DataSource dataSource, long observationsKept) {
        this.dataSource = dataSource;
        this.kept = new CurrentObservations(dataSource, observationsKept, () -> curated().byId().keySet());
    }

    /** Whether reads as of the revision are answered from the observations kept in memory. */
    boolean keeps(long revision) {
        return kept.at(revision) != null;
    }

    @PreDestroy
    void close() {
        kept.close();
    }

    /** A series of the målgruppe table (a target group and measure) or of the population (no target group). */
    private record SeriesRef(String targetGroupCode, Measure measure) {
    }

    /** The series ids of the curated tables in both directions. */
    private record CuratedSeries(Map<Long, SeriesRef> byId, Map<SeriesRef, Long> ids) {

        long id(String targetGroupCode, Measure measure) {
            Long id = ids.get(new SeriesRef(targetGroupCode, measure));
            if (id == null) {
                throw new IllegalArgumentException("No series for " + measure.code() + " of " + targetGroupCode);
            }
            return id;
        }

        List<Long> ofMeasures(Collection<Measure> measures) {
            return of(measures, null);
        }

        /**
         * The series of the given measures; of a measure by target group, only those of the given groups (every
         * group when null). The population and labour force have no target group and are never left out.
         */
        List<Long> of(Collection<Measure> measures, Collection<String> targetGroupCodes) {
            return byId.entrySet().stream().filter(entry -> measures.contains(entry.getValue().measure())
                    && (targetGroupCodes == null || entry.getValue().targetGroupCode() == null
                            || targetGroupCodes.contains(entry.getValue().targetGroupCode())))
                    .map(Map.Entry::getKey).sorted().toList();
        }
    }

    private CuratedSeries curated() {
        CuratedSeries series = curated;
        if (series == null) {
            Map<Long, SeriesRef> byId = new HashMap<>();
            Map<SeriesRef, Long> ids = new HashMap<>();
            for (Map.Entry<Long, SeriesRef> entry : query("select s.id, m.code, g.code from stat_series s"
                    + " join stat_measure m on m.id = s.measure_id"
                    + " left join stat_member g on cast(g.id as varchar(20)) = s.members"
                    + " where m.table_id in ('maalgrupper', 'befolkning')", List.of(),
                    rows -> Map.entry(rows.getLong(1), new SeriesRef(rows.getString(3),
                            Measure.find(rows.getString(2)).orElseThrow())))) {
                byId.put(entry.getKey(), entry.getValue());
                ids.put(entry.getValue(), entry.getKey());
            }
            series = new CuratedSeries(Map.copyOf(byId), Map.copyOf(ids));
            curated = series;
        }
        return series;
    }

    /** The series of a target group's measure (a population measure: {@code targetGroupCode} null). */
    long seriesId(String targetGroupCode, Measure measure) {
        return curated().id(targetGroupCode, measure);
    }

    /** The current observations of one series whose periods lie within [from, to], in period order. */
    List<Point> series(long revision, String areaCode, String targetGroupCode, Measure measure, LocalDate from,
            LocalDate to) {
        String sql = "select o.period, o.obs_value, o.import_id, r.imported_at"
                + " from stat_observation o join import_run r on r.id = o.import_id"
                + " where " + AS_OF + " and o.area_code = ? and o.series_id = ?"
                + " and o.period_start >= ? and o.period_end <= ?"
                + " order by o.period_start, o.period_end desc";
        List<Object> parameters = List.of(revision, revision, areaCode, curated().id(targetGroupCode, measure), from,
                to);
        return query(sql, parameters, rows -> new Point(period(rows.getString(1)), rows.getBigDecimal(2),
                rows.getLong(3), rows.getObject(4, OffsetDateTime.class)));
    }

    /** A current observation with what identifies its series. */
    record Row(String areaCode, String targetGroupCode, Measure measure, Point point) {
    }

    /** The current observations of the given areas and measures whose periods lie within [from, to]. */
    List<Row> current(long revision, Collection<String> areaCodes, Collection<Measure> measures, LocalDate from,
            LocalDate to) {
        return current(revision, areaCodes, measures, null, from, to);
    }

    /**
     * The observations as of a revision of the given areas and series (the measures; of the målgruppe table only
     * the given target groups, every one when null) whose periods lie within [from, to]. One statement, which reads
     * the narrower of two spans of the indexes (see V11): for a few areas, each area's span of periods in the index
     * by area and period; for many areas (a ranking), each series' span of periods in the index by series and
     * period. Both indexes hold every column read, so no row is looked up by its key.
     * <p>
     * The areas or series to read are a list of values joined to the observations, not a condition {@code in (...)}:
     * H2 checks such a condition again on every row it reads, comparing with each value of the list in turn (a
     * ranking of "I alt" read 75,000 rows against 30 series: a fifth of its time). Nor is import_run joined for the
     * time of each row's import: that was a lookup per row, half of a ranking's read; the times are taken from
     * {@link #importedAt}.
     */
    List<Row> current(long revision, Collection<String> areaCodes, Collection<Measure> measures,
            Collection<String> targetGroupCodes, LocalDate from, LocalDate to) {
        Collection<String> areas = new LinkedHashSet<>(areaCodes); // each area once, however often it is asked for
        CuratedSeries series = curated();
        List<Long> ids = series.of(measures, targetGroupCodes);
        if (ids.isEmpty() || areas.isEmpty()) {
            return List.of();
        }
        CurrentObservations.Snapshot snapshot = kept.at(revision);
        if (snapshot != null) {
            List<Row> rows = new ArrayList<>();
            snapshot.each(areas, ids, from, to, (areaCode, seriesId, period, value, importId) -> {
                SeriesRef ref = series.byId().get(seriesId);
                rows.add(new Row(areaCode, ref.targetGroupCode(), ref.measure(), new Point(period, value, importId,
                        importedAt(importId))));
            });
            return rows;
        }
        // The index entries each way reads: every stored series of an area, or every area of a series.
        boolean byArea = (long) areas.size() * series.byId().size() <= (long) ids.size() * AREAS_PER_SERIES;
        // By series, the areas are picked here, not by the database: it would compare each row's area with every
        // area in a list of the 98 municipalities, where a ranking leaves out only the regions.
        String sql = "select o.area_code, o.series_id, o.period, o.obs_value, o.import_id"
                + (byArea ? " from (values " + values(areas.size(), "varchar(16)") + ") a(code)"
                        + " join stat_observation o on o.area_code = a.code"
                        : " from (values " + values(ids.size(), "bigint") + ") s(id)"
                        + " join stat_observation o on o.series_id = s.id")
                + " where " + (byArea ? SERIES_IN + "(" + placeholders(ids.size()) + ") and " : "") + PERIODS_WITHIN
                + " and " + AS_OF;
        List<Object> parameters = new ArrayList<>();
        if (byArea) {
            parameters.addAll(areas);
        }
        parameters.addAll(ids);
        parameters.addAll(List.of(from, to, to, revision, revision));
        Set<String> wanted = Set.copyOf(areas);
        List<Row> rows = query(sql, parameters, result -> {
            String areaCode = result.getString(1);
            if (!wanted.contains(areaCode)) {
                return null;
            }
            SeriesRef ref = series.byId().get(result.getLong(2));
            long importId = result.getLong(5);
            return new Row(areaCode, ref.targetGroupCode(), ref.measure(), new Point(period(result.getString(3)),
                    result.getBigDecimal(4), importId, importedAt.get(importId)));
        });
        return withImportTimes(rows);
    }

    /**
     * As {@link #current(long, Collection, Collection, Collection, LocalDate, LocalDate)}, as series: each area's and
     * series' points by period (only those with any). Kept observations are not copied: each series is a read-only
     * view of them that makes a point only when it is read.
     */
    Map<SeriesKey, Map<Period, Point>> currentSeries(long revision, Collection<String> areaCodes,
            Collection<Measure> measures, Collection<String> targetGroupCodes, LocalDate from, LocalDate to) {
        Map<SeriesKey, Map<Period, Point>> series = new HashMap<>();
        CurrentObservations.Snapshot snapshot = kept.at(revision);
        if (snapshot != null) {
            CuratedSeries curated = curated();
            Collection<String> areas = new LinkedHashSet<>(areaCodes);
            for (long id : curated.of(measures, targetGroupCodes)) {
                SeriesRef ref = curated.byId().get(id);
                for (String areaCode : areas) {
                    Map<Period, Point> points = snapshot.points(id, areaCode, from, to, this::importedAt);
                    if (points != null) {
                        series.put(new SeriesKey(areaCode, ref.targetGroupCode(), ref.measure()), points);
                    }
                }
            }
            return series;
        }
        for (Row row : current(revision, areaCodes, measures, targetGroupCodes, from, to)) {
            series.computeIfAbsent(new SeriesKey(row.areaCode(), row.targetGroupCode(), row.measure()),
                    key -> new HashMap<>()).put(row.point().period(), row.point());
        }
        return series;
    }

    /**
     * The rows with the time of each one's import: those of an import not yet in {@link #importedAt} are read from
     * import_run (once: an import's time never changes) and the rows given it.
     */
    private List<Row> withImportTimes(List<Row> rows) {
        Set<Long> unknown = new HashSet<>();
        for (Row row : rows) {
            if (row.point().importedAt() == null) {
                unknown.add(row.point().importId());
            }
        }
        if (unknown.isEmpty()) {
            return rows;
        }
        for (Map.Entry<Long, OffsetDateTime> run : query("select id, imported_at from import_run where id in ("
                + placeholders(unknown.size()) + ")", List.copyOf(unknown),
                result -> Map.entry(result.getLong(1), result.getObject(2, OffsetDateTime.class)))) {
            importedAt.put(run.getKey(), run.getValue());
        }
        List<Row> known = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Point point = row.point();
            known.add(point.importedAt() != null ? row : new Row(row.areaCode(), row.targetGroupCode(), row.measure(),
                    new Point(point.period(), point.value(), point.importId(), importedAt.get(point.importId()))));
        }
        return known;
    }

    /**
     * Per measure, target group and period, the sum over a set of areas (all municipalities of the catalogue when
     * {@code areaCodes} is null), only where every one of them has a value; the value is null when any was
     * suppressed. Aggregated in the database.
     */
    List<Row> totals(long revision, Collection<String> areaCodes, Collection<Measure> measures, LocalDate from,
            LocalDate to) {
        return totals(revision, areaCodes, measures, null, from, to);
    }

    /** As {@link #totals(long, Collection, Collection, LocalDate, LocalDate)}, of the given target groups only. */
    List<Row> totals(long revision, Collection<String> areaCodes, Collection<Measure> measures,
            Collection<String> targetGroupCodes, LocalDate from, LocalDate to) {
        CuratedSeries series = curated();
        List<Long> ids = series.of(measures, targetGroupCodes);
        if (ids.isEmpty()) {
            return List.of();
        }
        CurrentObservations.Snapshot snapshot = kept.at(revision);
        if (snapshot != null) {
            return totals(snapshot, series, areaCodes, ids, from, to);
        }
        boolean allMunicipalities = areaCodes == null;
        // Each series' span of periods in the index by series and period (see current).
        String sql = "select o.series_id, o.period, sum(o.obs_value),"
                + " sum(case when o.status = 'suppressed' then 1 else 0 end), max(o.import_id), max(r.imported_at)"
                + " from stat_series s join stat_observation o on o.series_id = s.id"
                + " join import_run r on r.id = o.import_id"
                // Every municipality by a join, not by "in (select ...)": with that condition H2 read the whole
                // index by area and period once per series (9.2 million entries for one cold key-figure request,
                // 3.5 s, where the index by series and period reads 36,000).
                + (allMunicipalities ? " join area a on a.code = o.area_code and a.type = 'MUNICIPALITY'" : "")
                + " where s.id in (" + placeholders(ids.size()) + ") and " + PERIODS_WITHIN + " and " + AS_OF
                + (allMunicipalities ? "" : " and o.area_code in (" + placeholders(areaCodes.size()) + ")")
                + " group by o.series_id, o.period"
                + " having count(*) = "
                + (allMunicipalities ? "(select count(*) from area where type = 'MUNICIPALITY')" : "?");
        List<Object> parameters = new ArrayList<>(ids);
        parameters.addAll(List.of(from, to, to, revision, revision));
        if (!allMunicipalities) {
            parameters.addAll(areaCodes);
            parameters.add(areaCodes.size());
        }
        return query(sql, parameters, rows -> {
            SeriesRef ref = series.byId().get(rows.getLong(1));
            return new Row(null, ref.targetGroupCode(), ref.measure(), new Point(period(rows.getString(2)),
                    rows.getInt(4) > 0 ? null : rows.getBigDecimal(3), rows.getLong(5),
                    rows.getObject(6, OffsetDateTime.class)));
        });
    }

    /** A sum being taken over areas, as the SQL of {@link #totals} takes it. */
    private static final class Sum {
        private BigDecimal value;
        private int count;
        private boolean suppressed;
        private long importId;
        private OffsetDateTime importedAt;
    }

    /** As the SQL of {@link #totals}, from the kept observations. */
    private List<Row> totals(CurrentObservations.Snapshot snapshot, CuratedSeries series,
            Collection<String> areaCodes, List<Long> ids, LocalDate from, LocalDate to) {
        Collection<String> areas = areaCodes == null ? snapshot.municipalities : new LinkedHashSet<>(areaCodes);
        int required = areaCodes == null ? snapshot.municipalities.size() : areaCodes.size();
        Map<Long, Map<Period, Sum>> sums = new HashMap<>();
        snapshot.each(areas, ids, from, to, (areaCode, seriesId, period, value, importId) -> {
            Sum sum = sums.computeIfAbsent(seriesId, id -> new HashMap<>()).computeIfAbsent(period, p -> new Sum());
            sum.count++;
            if (value == null) {
                sum.suppressed = true;
            } else {
                sum.value = sum.value == null ? value : sum.value.add(value);
            }
            sum.importId = Math.max(sum.importId, importId);
            OffsetDateTime at = importedAt(importId);
            sum.importedAt = sum.importedAt == null || at.isAfter(sum.importedAt) ? at : sum.importedAt;
        });
        List<Row> rows = new ArrayList<>();
        sums.forEach((seriesId, byPeriod) -> byPeriod.forEach((period, sum) -> {
            if (sum.count == required) {
                SeriesRef ref = series.byId().get(seriesId);
                rows.add(new Row(null, ref.targetGroupCode(), ref.measure(), new Point(period,
                        sum.suppressed ? null : sum.value, sum.importId, sum.importedAt)));
            }
        }));
        return rows;
    }

    /** When an import that observations name was made. */
    private OffsetDateTime importedAt(long importId) {
        return importTime(importId).orElseThrow(() -> new IllegalStateException("no import " + importId));
    }

    /** When an import was made; empty when there is no such import. Read once, as it never changes. */
    Optional<OffsetDateTime> importTime(long importId) {
        OffsetDateTime at = importedAt.get(importId);
        if (at == null) {
            List<OffsetDateTime> found = query("select imported_at from import_run where id = ?", List.of(importId),
                    result -> result.getObject(1, OffsetDateTime.class));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            at = found.get(0);
            importedAt.put(importId, at);
        }
        return Optional.of(at);
    }

    /**
     * The start of the newest period of each granularity among the observations of one measure as they stood after
     * a revision: of the given areas (every area when null), and of every target group, or of one ({@code
     * anyTargetGroup} false; null: the observations without one). One set-based read, grouped in the database.
     */
    Map<Granularity, LocalDate> newestStarts(long revision, List<String> areaCodes, Measure measure,
            boolean anyTargetGroup, String targetGroupCode) {
        if (areaCodes != null && areaCodes.isEmpty()) {
            return Map.of();
        }
        CuratedSeries series = curated();
        List<Long> ids = anyTargetGroup ? series.ofMeasures(List.of(measure))
                : List.of(series.id(targetGroupCode, measure));
        CurrentObservations.Snapshot snapshot = kept.at(revision);
        if (snapshot != null) {
            return snapshot.newestStarts(areaCodes, ids);
        }
        String sql = "select " + GRANULARITY + ", max(o.period_start) from stat_observation o"
                + " where " + AS_OF + " and " + (areaCodes == null ? "o.series_id in " : SERIES_IN)
                + "(" + placeholders(ids.size()) + ")"
                // One area by equality, so that the database reads only its span of the index by area and period.
                + (areaCodes == null ? "" : areaCodes.size() == 1 ? " and o.area_code = ?"
                        : " and o.area_code in (" + placeholders(areaCodes.size()) + ")")
                + " group by " + GRANULARITY;
        List<Object> parameters = new ArrayList<>(List.of(revision, revision));
        parameters.addAll(ids);
        if (areaCodes != null) {
            parameters.addAll(areaCodes);
        }
        Map<Granularity, LocalDate> newest = new HashMap<>();
        for (Map.Entry<Granularity, LocalDate> entry : query(sql, parameters, rows -> Map.entry(
                Granularity.valueOf(rows.getString(1)), rows.getObject(2, LocalDate.class)))) {
            newest.put(entry.getKey(), entry.getValue());
        }
        return newest;
    }

    /** A stored period code, read once. */
    private Period period(String code) {
        Period period = periods.get(code);
        if (period == null) {
            period = Period.parse(code);
            if (periods.size() < 10_000) {
                periods.put(code, period);
            }
        }
        return period;
    }

    /** Maps a row of a result; null leaves the row out. */
    private interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> parameters, RowMapper<T> mapper) {
        return queryEach(sql, List.of(parameters), mapper);
    }

    boolean isEmpty() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select id from stat_observation")) {
            statement.setMaxRows(1);
            try (ResultSet rows = statement.executeQuery()) {
                return !rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading observations failed", e);
        }
    }

    /** Runs one statement once for each set of parameters, on one connection, and collects all rows. */
    private <T> List<T> queryEach(String sql, List<List<Object>> bindings, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            List<T> result = new ArrayList<>();
            for (List<Object> parameters : bindings) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        T row = mapper.map(rows);
                        if (row != null) {
                            result.add(row);
                        }
                    }
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading observations failed", e);
        }
    }

    /** A list of values of one column, each a parameter of the given SQL type: {@code (cast(? as bigint)), ...}. */
    private static String values(int count, String type) {
        return String.join(", ", Collections.nCopies(count, "(cast(? as " + type + "))"));
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
