package dk.noegletal.timeseries;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The current observations of the curated tables (maalgrupper and befolkning) as of the newest revision, kept in
 * memory in compact arrays: what key figures, rankings and reports read at that revision is found there instead of
 * in the database, whose reads were most of a cold request's time (a ranking of 98 municipalities reads 75,000
 * observations; H2 spent 64 % of a key-figure request's CPU in the statement). Reads as of an earlier revision
 * ({@code asOf}) still go to the database.
 * <p>
 * Observations are written only by imports, and only added: a changed value is a new row of the import that
 * supersedes the stored one (see dk.noegletal.ingest.ImportStaging). So a kept snapshot is brought up to a newer
 * revision by reading the rows each import since wrote, within the span of its periods, and putting them in place of
 * the values with the same key. Whoever reads first at a newer revision does that when the imports since wrote few
 * rows (a month's sync); after a larger import a thread of its own does it, and the database answers meanwhile.
 * The first snapshot is read whole, the same way. Every snapshot is immutable; one that is brought up to date shares
 * the blocks it did not change with its predecessor.
 * <p>
 * Held: about 8 bytes per observation (the national history of 1.4 million: some 11 MB), at most
 * {@code maxObservations}; with more the database answers every read.
 */
final class CurrentObservations {

    private static final Logger LOG = Logger.getLogger(CurrentObservations.class);
    /** At most this many rows written since the snapshot are read by the request that first needs them. */
    static final long READ_IN_REQUEST = 100_000;
    /** How long after a failed update reads leave the snapshot as it is before they try again. */
    private static final long RETRY_NANOS = 60_000_000_000L;
    private static final int SCALE = 6;
    private static final long SUPPRESSED = Long.MIN_VALUE;
    private static final String CURATED_TABLES = "('maalgrupper', 'befolkning')";

    private final DataSource dataSource;
    private final long maxObservations;
    /** The series ids of the curated tables (fixed by migrations). */
    private final Supplier<Collection<Long>> seriesIds;
    private final PeriodTable periods = new PeriodTable();
    private final ImportTable runs = new ImportTable();
    private final ReentrantLock updating = new ReentrantLock();
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "current-observations");
        thread.setDaemon(true);
        return thread;
    });

    private volatile Snapshot snapshot;
    private volatile boolean updatingInBackground;
    private volatile long failedAt;
    private volatile boolean failed;
    /** A revision whose observations are more than {@code maxObservations}: the database answers its reads. */
    private volatile long tooMany = -1;

    CurrentObservations(DataSource dataSource, long maxObservations, Supplier<Collection<Long>> seriesIds) {
        this.dataSource = dataSource;
        this.maxObservations = maxObservations;
        this.seriesIds = seriesIds;
    }

    void close() {
        background.shutdownNow();
    }

    /**
     * The snapshot as of the given revision, or null when the database is to answer: for an earlier revision, while
     * a larger update runs, or when kept observations are off. A newer revision starts the update.
     */
    Snapshot at(long revision) {
        if (maxObservations <= 0) {
            return null;
        }
        Snapshot kept = snapshot;
        if (kept != null && kept.revision == revision) {
            return kept;
        }
        if ((kept != null && revision < kept.revision) || updatingInBackground || revision == tooMany
                || (failed && System.nanoTime() - failedAt < RETRY_NANOS)) {
            return null;
        }
        if (!updating.tryLock()) {
            return null;
        }
        try {
            kept = snapshot;
            if (kept != null && kept.revision >= revision) {
                return kept.revision == revision ? kept : null;
            }
            try (Connection connection = dataSource.getConnection()) {
                Plan plan = plan(connection, kept, revision);
                if (plan.rows() + (plan.from() == null ? 0 : plan.from().size) > maxObservations) {
                    tooMany = revision;
                    return null;
                }
                if (plan.rows() <= READ_IN_REQUEST) {
                    snapshot = update(connection, plan);
                    return snapshot;
                }
            }
            updatingInBackground = true;
            try {
                background.execute(() -> updateInBackground(revision));
            } catch (RejectedExecutionException e) {
                updatingInBackground = false;
            }
            return null;
        } catch (SQLException | RuntimeException e) {
            fail(e);
            return null;
        } finally {
            updating.unlock();
        }
    }

    private void updateInBackground(long revision) {
        updating.lock();
        try (Connection connection = dataSource.getConnection()) {
            long began = System.nanoTime();
            Plan plan = plan(connection, snapshot, revision);
            Snapshot updated = update(connection, plan);
            if (updated.size > maxObservations) {
                tooMany = revision;
                return;
            }
            snapshot = updated;
            LOG.infof("Kept %,d current observations as of import %d in memory (%s in %d ms)", updated.size,
                    revision, plan.from() == null ? "read whole" : "brought up to date",
                    (System.nanoTime() - began) / 1_000_000);
        } catch (SQLException | RuntimeException | OutOfMemoryError e) {
            fail(e);
        } finally {
            updatingInBackground = false;
            updating.unlock();
        }
    }

    private void fail(Throwable e) {
        failed = true;
        failedAt = System.nanoTime();
        LOG.warnf(e, "Keeping the current observations in memory failed; the database answers every read for a "
                + "minute");
    }

    /** What an update reads: every current row (from null), or the rows of the imports since a snapshot. */
    private record Plan(Snapshot from, long revision, OffsetDateTime importedAt, List<Run> runs, long rows) {
    }

    /** An import that wrote rows of the curated tables: its id and the span of its periods' starts. */
    private record Run(long id, LocalDate firstStart, LocalDate lastStart) {
    }

    private Plan plan(Connection connection, Snapshot from, long revision) throws SQLException {
        OffsetDateTime importedAt = importedAt(connection, revision);
        if (from != null && from.revision > 0 && !Objects.equals(importedAt(connection, from.revision),
                from.importedAt)) {
            from = null; // the snapshot's import is gone (a test removed it): read everything again
        }
        if (from == null) {
            // An import's inserted are the keys it added (changed values are its updated).
            long rows = single(connection, "select coalesce(sum(inserted), 0) from import_run where id <= ?"
                    + " and (table_id is null or table_id in " + CURATED_TABLES + ")", revision);
            return new Plan(null, revision, importedAt, List.of(), rows);
        }
        List<Run> runs = new ArrayList<>();
        long rows = 0;
        try (PreparedStatement statement = connection.prepareStatement("select id, periods, table_id,"
                + " inserted + updated from import_run where id > ? and id <= ? and (inserted > 0 or updated > 0)"
                + " and (table_id is null or table_id in " + CURATED_TABLES + ") order by id")) {
            statement.setLong(1, from.revision);
            statement.setLong(2, revision);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    LocalDate first = null;
                    LocalDate last = null;
                    for (String code : result.getString(2).split("\\|")) {
                        if (!code.isEmpty()) {
                            LocalDate start = Period.parse(code).start();
                            first = first == null || start.isBefore(first) ? start : first;
                            last = last == null || start.isAfter(last) ? start : last;
                        }
                    }
                    if (first != null) {
                        runs.add(new Run(result.getLong(1), first, last));
                        rows += result.getLong(4);
                    }
                }
            }
        }
        return new Plan(from, revision, importedAt, runs, rows);
    }

    private Snapshot update(Connection connection, Plan plan) throws SQLException {
        Map<Long, Map<String, Block>> series = new HashMap<>();
        long size = 0;
        if (plan.from() == null) {
            try (PreparedStatement statement = connection.prepareStatement("select o.area_code, o.period,"
                    + " o.obs_value, o.import_id from stat_observation o where o.series_id = ? and o.import_id <= ?"
                    + " and (o.superseded_by is null or o.superseded_by > ?)")) {
                statement.setLong(2, plan.revision());
                statement.setLong(3, plan.revision());
                for (long seriesId : seriesIds.get()) {
                    // One series at a time, made into blocks before the next is read: what is being made stays
                    // small beside what is kept.
                    Map<Long, Map<String, BlockBuilder>> changes = new HashMap<>();
                    statement.setLong(1, seriesId);
                    read(statement, seriesId, null, changes);
                    size += apply(changes, series);
                }
            }
        } else {
            plan.from().series.forEach((id, byArea) -> series.put(id, new HashMap<>(byArea)));
            size = plan.from().size;
            Map<Long, Map<String, BlockBuilder>> changes = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("select o.area_code, o.period,"
                    + " o.obs_value, o.import_id from stat_observation o where o.series_id = ?"
                    + " and o.period_start >= ? and o.period_start <= ? and o.import_id = ?")) {
                for (Run run : plan.runs()) {
                    statement.setObject(2, run.firstStart());
                    statement.setObject(3, run.lastStart());
                    statement.setLong(4, run.id());
                    for (long seriesId : seriesIds.get()) {
                        statement.setLong(1, seriesId);
                        read(statement, seriesId, plan.from(), changes);
                    }
                }
            }
            size += apply(changes, series);
        }
        Map<Long, Map<String, Block>> frozen = new HashMap<>();
        series.forEach((id, byArea) -> frozen.put(id, Map.copyOf(byArea)));
        List<String> municipalities = plan.from() != null ? plan.from().municipalities
                : strings(connection, "select code from area where type = 'MUNICIPALITY'");
        return new Snapshot(plan.revision(), plan.importedAt(), Map.copyOf(frozen), municipalities, size, periods,
                runs);
    }

    /** Makes the blocks of the builders, in place of those of the same series and area; answers how many more. */
    private static long apply(Map<Long, Map<String, BlockBuilder>> changes, Map<Long, Map<String, Block>> series) {
        long added = 0;
        for (Map.Entry<Long, Map<String, BlockBuilder>> bySeries : changes.entrySet()) {
            Map<String, Block> byArea = series.computeIfAbsent(bySeries.getKey(), id -> new HashMap<>());
            for (Map.Entry<String, BlockBuilder> change : bySeries.getValue().entrySet()) {
                Block before = byArea.get(change.getKey());
                Block after = change.getValue().build();
                added += after.size() - (before == null ? 0 : before.size());
                byArea.put(change.getKey(), after);
            }
        }
        return added;
    }

    /** Reads rows into the builders of their blocks, each started from the snapshot's block when there is one. */
    private void read(PreparedStatement statement, long seriesId, Snapshot from,
            Map<Long, Map<String, BlockBuilder>> changes) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String areaCode = rows.getString(1);
                BlockBuilder block = changes.computeIfAbsent(seriesId, id -> new HashMap<>())
                        .computeIfAbsent(areaCode, area -> new BlockBuilder(from == null ? null
                                : from.block(seriesId, area), periods));
                block.put(periods.index(rows.getString(2)), unscaled(rows.getBigDecimal(3)),
                        runs.number(rows.getLong(4)));
            }
        }
    }

    private static long unscaled(BigDecimal value) {
        if (value == null) {
            return SUPPRESSED;
        }
        BigInteger unscaled = value.setScale(SCALE).unscaledValue();
        if (unscaled.bitLength() > 63) {
            throw new IllegalStateException("The value " + value + " is too large to keep in memory");
        }
        return unscaled.longValue();
    }

    private static OffsetDateTime importedAt(Connection connection, long importId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select imported_at from import_run where id = ?")) {
            statement.setLong(1, importId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getObject(1, OffsetDateTime.class) : null;
            }
        }
    }

    private static long single(Connection connection, String sql, long parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return List.copyOf(values);
    }

    /** Receives a kept observation; {@code value} is null when it was suppressed. */
    interface Visitor {
        void visit(String areaCode, long seriesId, Period period, BigDecimal value, long importId);
    }

    /** The current observations as of one revision, by series and area. */
    static final class Snapshot {

        final long revision;
        private final OffsetDateTime importedAt;
        private final Map<Long, Map<String, Block>> series;
        /** The municipalities of the catalogue, which sums over "all municipalities" are taken over. */
        final List<String> municipalities;
        final long size;
        private final PeriodTable periods;
        private final ImportTable runs;

        private Snapshot(long revision, OffsetDateTime importedAt, Map<Long, Map<String, Block>> series,
                List<String> municipalities, long size, PeriodTable periods, ImportTable runs) {
            this.revision = revision;
            this.importedAt = importedAt;
            this.series = series;
            this.municipalities = municipalities;
            this.size = size;
            this.periods = periods;
            this.runs = runs;
        }

        private Block block(long seriesId, String areaCode) {
            Map<String, Block> byArea = series.get(seriesId);
            return byArea == null ? null : byArea.get(areaCode);
        }

        /**
         * Visits the observations of the given areas (every area when null) and series whose periods start within
         * [from, to] and end on or before {@code to}: as the database's {@code period_start >= from and period_start
         * <= to and period_end <= to}.
         */
        void each(Collection<String> areaCodes, Collection<Long> seriesIds, LocalDate from, LocalDate to,
                Visitor visitor) {
            int fromDay = (int) from.toEpochDay();
            int toDay = (int) to.toEpochDay();
            for (long seriesId : seriesIds) {
                Map<String, Block> byArea = series.get(seriesId);
                if (byArea == null) {
                    continue;
                }
                if (areaCodes == null) {
                    byArea.forEach((area, block) -> block.each(area, seriesId, fromDay, toDay, periods, runs,
                            visitor));
                } else {
                    for (String area : areaCodes) {
                        Block block = byArea.get(area);
                        if (block != null) {
                            block.each(area, seriesId, fromDay, toDay, periods, runs, visitor);
                        }
                    }
                }
            }
        }

        /**
         * The observations of one series and area whose periods lie within [from, to] (as {@link #each}), as a
         * read-only map by period in which a {@link Point} is made only when one is asked for; null when there are
         * none. A ranking reads some 75,000 observations and computes from a few hundred of them.
         */
        Map<Period, Point> points(long seriesId, String areaCode, LocalDate from, LocalDate to,
                LongFunction<OffsetDateTime> importedAt) {
            Block block = block(seriesId, areaCode);
            if (block == null) {
                return null;
            }
            KeptPoints points = new KeptPoints(block, (int) from.toEpochDay(), (int) to.toEpochDay(), periods, runs,
                    importedAt);
            return points.isEmpty() ? null : points;
        }

        /** The newest period start of each granularity among the given areas (every area when null) and series. */
        Map<Granularity, LocalDate> newestStarts(Collection<String> areaCodes, Collection<Long> seriesIds) {
            int[] newest = new int[Granularity.values().length];
            Arrays.fill(newest, Integer.MIN_VALUE);
            for (long seriesId : seriesIds) {
                Map<String, Block> byArea = series.get(seriesId);
                if (byArea == null) {
                    continue;
                }
                Collection<Block> blocks = areaCodes == null ? byArea.values()
                        : areaCodes.stream().map(byArea::get).filter(Objects::nonNull).toList();
                for (Block block : blocks) {
                    for (int g = 0; g < newest.length; g++) {
                        newest[g] = Math.max(newest[g], block.newestStart[g]);
                    }
                }
            }
            Map<Granularity, LocalDate> starts = new EnumMap<>(Granularity.class);
            for (Granularity granularity : Granularity.values()) {
                if (newest[granularity.ordinal()] != Integer.MIN_VALUE) {
                    starts.put(granularity, LocalDate.ofEpochDay(newest[granularity.ordinal()]));
                }
            }
            return starts;
        }
    }

    /**
     * The observations of one series and area, ordered by period start (then the longer period first): the number of
     * each one's period in the {@link PeriodTable}, its value and the number of the import that wrote it in the
     * {@link ImportTable}. Values are kept as ints at the fewest decimals that hold them all (counts of persons are
     * whole numbers), else as longs at scale 6; 8 bytes per observation, 12 for values too large for an int.
     */
    private static final class Block {

        private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
        private static final int SUPPRESSED_INT = Integer.MIN_VALUE;

        private final char[] periods;
        /** The values times 10^-power at scale 6 (SUPPRESSED_INT when suppressed); null when they do not fit. */
        private final int[] small;
        private final int power;
        /** The values at scale 6 ({@link #SUPPRESSED} when suppressed), when small is null. */
        private final long[] large;
        private final char[] imports;
        /** The starts (epoch days) of the newest period of each granularity, Integer.MIN_VALUE for none. */
        private final int[] newestStart;

        private Block(char[] periods, long[] values, char[] imports, PeriodTable table) {
            this.periods = periods;
            this.imports = imports;
            int fewest = POWERS.length - 1;
            for (long value : values) {
                while (value != SUPPRESSED && fewest > 0 && value % POWERS[fewest] != 0) {
                    fewest--;
                }
            }
            int[] ints = new int[values.length];
            for (int i = 0; i < values.length && ints != null; i++) {
                long scaled = values[i] == SUPPRESSED ? SUPPRESSED_INT : values[i] / POWERS[fewest];
                if (values[i] != SUPPRESSED && (scaled <= SUPPRESSED_INT || scaled > Integer.MAX_VALUE)) {
                    ints = null;
                } else {
                    ints[i] = (int) scaled;
                }
            }
            this.small = ints;
            this.power = fewest;
            this.large = ints == null ? values : null;
            this.newestStart = new int[Granularity.values().length];
            Arrays.fill(newestStart, Integer.MIN_VALUE);
            for (char period : periods) {
                int g = table.period(period).granularity().ordinal();
                newestStart[g] = Math.max(newestStart[g], table.startDay(period));
            }
        }

        int size() {
            return periods.length;
        }

        /** The value at scale 6, or {@link #SUPPRESSED}. */
        long value(int i) {
            if (small == null) {
                return large[i];
            }
            return small[i] == SUPPRESSED_INT ? SUPPRESSED : small[i] * POWERS[power];
        }

        /** The index of the first period that starts on or after the day (the size when none does). */
        int firstStartingOnOrAfter(int day, PeriodTable table) {
            int low = 0;
            int high = periods.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (table.startDay(periods[middle]) < day) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        void each(String areaCode, long seriesId, int fromDay, int toDay, PeriodTable table, ImportTable runs,
                Visitor visitor) {
            for (int i = firstStartingOnOrAfter(fromDay, table); i < periods.length
                    && table.startDay(periods[i]) <= toDay; i++) {
                if (table.endDay(periods[i]) <= toDay) {
                    long value = value(i);
                    visitor.visit(areaCode, seriesId, table.period(periods[i]),
                            value == SUPPRESSED ? null : BigDecimal.valueOf(value, SCALE), runs.id(imports[i]));
                }
            }
        }
    }

    /**
     * The observations of a block whose periods start within [fromDay, toDay] and end on or before toDay, as a
     * read-only map by period. Entries are found by binary search on the period's start; a Point (with its
     * BigDecimal) is made only for what is read.
     */
    static final class KeptPoints extends AbstractMap<Period, Point> {

        private final Block block;
        private final int fromDay;
        private final int toDay;
        private final PeriodTable table;
        private final ImportTable runs;
        private final LongFunction<OffsetDateTime> importedAt;
        /** The first entry that starts on or after fromDay, and the first after it that starts after toDay. */
        private final int low;
        private final int high;
        private final int size;

        private KeptPoints(Block block, int fromDay, int toDay, PeriodTable table, ImportTable runs,
                LongFunction<OffsetDateTime> importedAt) {
            this.block = block;
            this.fromDay = fromDay;
            this.toDay = toDay;
            this.table = table;
            this.runs = runs;
            this.importedAt = importedAt;
            this.low = block.firstStartingOnOrAfter(fromDay, table);
            this.high = block.firstStartingOnOrAfter(toDay + 1, table);
            int count = 0;
            for (int i = low; i < high; i++) {
                if (inSpan(i)) {
                    count++;
                }
            }
            this.size = count;
        }

        private boolean inSpan(int i) {
            return table.endDay(block.periods[i]) <= toDay;
        }

        /** The index of the period's entry, or -1 when it has none within the span. */
        private int index(Period period) {
            int startDay = period.startDay();
            int endDay = period.endDay();
            if (startDay < fromDay || endDay > toDay) {
                return -1;
            }
            for (int i = block.firstStartingOnOrAfter(startDay, table); i < high
                    && table.startDay(block.periods[i]) == startDay; i++) {
                if (table.endDay(block.periods[i]) == endDay) {
                    return i;
                }
            }
            return -1;
        }

        private Point point(int i) {
            long value = block.value(i);
            char run = block.imports[i];
            return new Point(table.period(block.periods[i]), value == SUPPRESSED ? null : BigDecimal.valueOf(value,
                    SCALE), runs.id(run), runs.importedAt(run, importedAt));
        }

        /** The entries of periods that end on or before the day (a day number): a narrower view, nothing copied. */
        KeptPoints endingBy(int day) {
            return day >= toDay ? this : new KeptPoints(block, fromDay, day, table, runs, importedAt);
        }

        /**
         * Whether every period of {@code other} has an entry here too: of the same snapshot's points by their period
         * numbers, in one pass over both (both are ordered by start), without making periods.
         */
        boolean hasEveryPeriodOf(KeptPoints other) {
            if (other.table != table) {
                return keySet().containsAll(other.keySet());
            }
            int from = low;
            for (int j = other.low; j < other.high; j++) {
                if (!other.inSpan(j)) {
                    continue;
                }
                char wanted = other.block.periods[j];
                int start = table.startDay(wanted);
                while (from < high && table.startDay(block.periods[from]) < start) {
                    from++;
                }
                int i = from;
                while (i < high && table.startDay(block.periods[i]) == start
                        && (block.periods[i] != wanted || !inSpan(i))) {
                    i++;
                }
                if (i == high || block.periods[i] != wanted) {
                    return false;
                }
            }
            return true;
        }

        /** The newest import among the entries, without making their points (0 when there are none). */
        long newestImportId() {
            long newest = 0;
            for (int i = low; i < high; i++) {
                if (inSpan(i)) {
                    newest = Math.max(newest, runs.id(block.imports[i]));
                }
            }
            return newest;
        }

        @Override
        public Point get(Object key) {
            int i = key instanceof Period period ? index(period) : -1;
            return i < 0 ? null : point(i);
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof Period period && index(period) >= 0;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Set<Period> keySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Period> iterator() {
                    return indexes(i -> table.period(block.periods[i]));
                }

                @Override
                public boolean contains(Object key) {
                    return containsKey(key);
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }

        @Override
        public Set<Entry<Period, Point>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<Period, Point>> iterator() {
                    return indexes(i -> new SimpleImmutableEntry<>(table.period(block.periods[i]), point(i)));
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }

        private <T> Iterator<T> indexes(IntFunction<T> element) {
            return new Iterator<>() {
                private int next = advance(low);

                private int advance(int from) {
                    int i = from;
                    while (i < high && !inSpan(i)) {
                        i++;
                    }
                    return i;
                }

                @Override
                public boolean hasNext() {
                    return next < high;
                }

                @Override
                public T next() {
                    if (next >= high) {
                        throw new NoSuchElementException();
                    }
                    T result = element.apply(next);
                    next = advance(next + 1);
                    return result;
                }
            };
        }
    }

    /**
     * A block being made: a kept one's observations, then those read, in the order they were written; where several
     * have the same period, the last written is kept. No map by period: a whole read makes 1.4 million of these.
     */
    private static final class BlockBuilder {

        private final PeriodTable table;
        private char[] periods;
        private long[] values;
        private char[] imports;
        private int size;

        BlockBuilder(Block from, PeriodTable table) {
            this.table = table;
            int capacity = from == null ? 16 : from.size() + 16;
            periods = new char[capacity];
            values = new long[capacity];
            imports = new char[capacity];
            if (from != null) {
                for (int i = 0; i < from.size(); i++) {
                    put(from.periods[i], from.value(i), from.imports[i]);
                }
            }
        }

        void put(char period, long value, char importNumber) {
            if (size == periods.length) {
                periods = Arrays.copyOf(periods, size * 2);
                values = Arrays.copyOf(values, size * 2);
                imports = Arrays.copyOf(imports, size * 2);
            }
            periods[size] = period;
            values[size] = value;
            imports[size] = importNumber;
            size++;
        }

        Block build() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                int byStart = Integer.compare(table.startDay(periods[a]), table.startDay(periods[b]));
                if (byStart != 0) {
                    return byStart;
                }
                int byEnd = Integer.compare(table.endDay(periods[b]), table.endDay(periods[a]));
                return byEnd != 0 ? byEnd : Integer.compare(a, b);
            });
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (i + 1 == size || periods[order[i]] != periods[order[i + 1]]) {
                    order[kept++] = order[i]; // the last written of its period
                }
            }
            char[] sortedPeriods = new char[kept];
            long[] sortedValues = new long[kept];
            char[] sortedImports = new char[kept];
            for (int i = 0; i < kept; i++) {
                sortedPeriods[i] = periods[order[i]];
                sortedValues[i] = values[order[i]];
                sortedImports[i] = imports[order[i]];
            }
            return new Block(sortedPeriods, sortedValues, sortedImports, table);
        }
    }

    /** The imports met, each with a number (at most 65,536), never reused, as {@link PeriodTable}. */
    private static final class ImportTable {

        private final Map<Long, Character> numbers = new HashMap<>();
        private volatile long[] ids = new long[0];
        private volatile OffsetDateTime[] times = new OffsetDateTime[0];

        synchronized char number(long id) {
            Character number = numbers.get(id);
            if (number == null) {
                int next = ids.length;
                if (next > Character.MAX_VALUE) {
                    throw new IllegalStateException("Too many imports to keep their observations in memory");
                }
                long[] grown = Arrays.copyOf(ids, next + 1);
                grown[next] = id;
                ids = grown;
                number = (char) next;
                numbers.put(id, number);
            }
            return number;
        }

        long id(char number) {
            return ids[number];
        }

        /**
         * When the import of the number was made: found by {@code find} the first time, then kept by number (an
         * import's time never changes), as every point made of a kept observation carries it.
         */
        OffsetDateTime importedAt(char number, LongFunction<OffsetDateTime> find) {
            OffsetDateTime[] known = times;
            OffsetDateTime at = number < known.length ? known[number] : null;
            if (at == null) {
                at = find.apply(ids[number]);
                remember(number, at);
            }
            return at;
        }

        private synchronized void remember(char number, OffsetDateTime at) {
            if (times.length <= number) {
                times = Arrays.copyOf(times, ids.length);
            }
            times[number] = at;
        }
    }

    /**
     * The periods met, each with a number (at most 65,535: some 3,000 years of months, quarters and years), its
     * start and its end; numbers are never reused, so blocks of every snapshot share the table.
     */
    private static final class PeriodTable {

        private final Map<String, Character> numbers = new HashMap<>();
        private volatile Period[] byNumber = new Period[0];
        private volatile int[] starts = new int[0];
        private volatile int[] ends = new int[0];

        synchronized char index(String code) {
            Character number = numbers.get(code);
            if (number == null) {
                int next = byNumber.length;
                if (next > Character.MAX_VALUE) {
                    throw new IllegalStateException("Too many periods to keep in memory");
                }
                Period period = Period.parse(code);
                Period[] grown = Arrays.copyOf(byNumber, next + 1);
                grown[next] = period;
                int[] grownStarts = Arrays.copyOf(starts, next + 1);
                grownStarts[next] = (int) period.start().toEpochDay();
                int[] grownEnds = Arrays.copyOf(ends, next + 1);
                grownEnds[next] = (int) period.end().toEpochDay();
                starts = grownStarts;
                ends = grownEnds;
                byNumber = grown;
                number = (char) next;
                numbers.put(code, number);
            }
            return number;
        }

        Period period(char number) {
            return byNumber[number];
        }

        int startDay(char number) {
            return starts[number];
        }

        int endDay(char number) {
            return ends[number];
        }
    }
}
