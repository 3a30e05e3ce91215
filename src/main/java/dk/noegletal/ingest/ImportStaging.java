package dk.noegletal.ingest;

import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.cursors.LongCursor;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dk.noegletal.timeseries.ObservationStatus;
import dk.noegletal.timeseries.Period;
import dk.noegletal.timeseries.WriteResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * An import's observations on their way into the store. As the file is read they are written in batches to a
 * staging table of the import's transaction (with COPY on PostgreSQL, batched inserts elsewhere), so that memory
 * stays flat whatever the file's size; the import then merges them into {@code stat_observation} set-based, in
 * three statements: changed values supersede the stored ones, new and changed values are inserted, values stored
 * as given are left alone; and the periods new to a table are noted. A rolled-back import leaves nothing: the
 * staging table's rows belong to the transaction.
 *
 * <p>Repeats are found as rows arrive by their keys alone (series, area, period), held as numbers in a primitive
 * set, a few bytes each; the first occurrence of a key is staged, a later one is kept aside and judged at the end
 * against the staged first: the same value is a repeat, another value an error naming both places.
 */
final class ImportStaging {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ImportStaging.class);

    private static final int BATCH_SIZE = 5000;
    private static final String COLUMNS = "series_id, area_code, period, period_start, period_end, obs_value, status,"
            + " location, line";
    /**
     * COPY's CSV format reads an empty unquoted field as null; no stored text is empty. The rows go out together when
     * the batch ends, not flushed one by one (Jackson's default): a flush sends a message of its own to PostgreSQL, and
     * flushing each row made staging the national history take 23 s instead of 6.
     */
    private static final ObjectWriter COPY_ROWS = new CsvMapper().writer(CsvSchema.emptySchema())
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    /** Where an observation stands in the file, and the cell that holds it (for an error about a repeat). */
    record Place(String location, Integer line, long row, RawObservation.Cell cell) {
    }

    /** An observation whose key an earlier one of the file already had. */
    record Repeat(long seriesId, String areaCode, Period period, BigDecimal value, Place place) {
    }

    /** The first occurrence of a repeated key, as staged. */
    record First(String location, Integer line, BigDecimal value) {
    }

    /** A repeat and the first occurrence of its key; {@code sameValue} when both state the same value. */
    record Judged(Repeat repeat, First first, boolean sameValue) {
    }

    private record Pending(long seriesId, String areaCode, Period period, BigDecimal value, String location,
            Integer line) {
    }

    private final DataSource dataSource;
    private final boolean postgresql;
    /**
     * The staging table: on PostgreSQL a temporary table of the transaction, on H2 a table of the store (V16), which
     * the import fills and empties in its transaction.
     */
    private final String table;
    private final List<Pending> pending = new ArrayList<>(BATCH_SIZE);
    private final LongHashSet keys = new LongHashSet();
    private final Map<String, Integer> areaIndex = new HashMap<>();
    private final List<Repeat> repeats = new ArrayList<>();
    /** The observations each row with a repeat stated, by row. */
    private final Map<Long, Integer> statedByRepeatingRow = new LinkedHashMap<>();
    /** The first places of keys whose rows were wrong (see {@link #seen}). */
    private final Map<List<Object>, First> wrongFirsts = new HashMap<>();
    private final TreeSet<Period> periods = new TreeSet<>();
    /** The series staged, and the span of their periods: where stored values are looked for. */
    private final LongHashSet series = new LongHashSet();
    /** The series and periods staged, each pair as one number (see {@link #seriesPeriod}): each table's periods. */
    private final LongHashSet seriesPeriods = new LongHashSet();
    private final Set<String> areas = new TreeSet<>();
    private long currentRow = -1;
    private int currentRowStated;
    private boolean currentRowRepeats;
    private int staged;
    private int suppressed;
    private long stagingNanos;

    private ImportStaging(DataSource dataSource, boolean postgresql) {
        this.dataSource = dataSource;
        this.postgresql = postgresql;
        this.table = postgresql ? "import_row" : "import_staging";
    }

    /**
     * Readies the staging table in the caller's transaction, which holds the import lock: on PostgreSQL a temporary
     * table, dropped when the transaction ends; on H2 the table import_staging of the store (see V16 for why not a
     * temporary one; its comment, from before, says the rows were deleted within the transaction), which {@link
     * #empty} empties once the transaction has ended.
     */
    static ImportStaging open(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            ImportStaging staging = new ImportStaging(dataSource, connection.isWrapperFor(PGConnection.class));
            if (staging.postgresql) {
                statement.execute("create temporary table if not exists " + staging.table
                        + " (like import_staging) on commit drop");
            }
            // Several imports in one transaction (the demo's) each begin with an empty table.
            statement.execute("delete from " + staging.table);
            return staging;
        } catch (SQLException e) {
            throw new IllegalStateException("Preparing the import failed", e);
        }
    }

    /**
     * Empties H2's staging table after an import's transaction has ended, committed or rolled back, and at start (what
     * an import cut off by a stop left); nothing on PostgreSQL, whose staging table ends with its transaction. The
     * rows are not deleted within the import's transaction: there H2 deletes them one by one, and its commit goes
     * through each deletion again (a seventh of a national import's time went to the deleting alone); TRUNCATE drops
     * them at once, but ends the transaction it runs in, so it runs in one of its own: call it outside any other.
     */
    static void empty(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!connection.isWrapperFor(PGConnection.class)) {
                statement.execute("truncate table import_staging");
            }
        } catch (SQLException | RuntimeException e) {
            // The next import empties what is left before it stages, and so does the next start.
            LOG.warnf(e, "Emptying the import's staging table failed; the next import or start empties it");
        }
    }

    /** Stages an observation ({@code value} null when suppressed), or keeps it aside when its key was seen. */
    void add(long seriesId, String areaCode, Period period, BigDecimal value, Place place) {
        enterRow(place);
        currentRowStated++;
        if (!keys.add(key(seriesId, areaCode, period))) {
            repeats.add(new Repeat(seriesId, areaCode, period, value, place));
            currentRowRepeats = true;
            return;
        }
        periods.add(period);
        areas.add(areaCode);
        series.add(seriesId);
        seriesPeriods.add(seriesPeriod(seriesId, period));
        staged++;
        if (value == null) {
            suppressed++;
        }
        pending.add(new Pending(seriesId, areaCode, period, value, place.location(), place.line()));
        if (pending.size() == BATCH_SIZE) {
            flush();
        }
    }

    /** How many keys of wrong rows are remembered, for a repeat to name: the import is refused anyway. */
    private static final int REMEMBERED_WRONG_ROWS = 10_000;

    /**
     * Notes the key of a row that is wrong in its value: it is not staged, but a later row with its key is a repeat
     * of it.
     */
    void seen(long seriesId, String areaCode, Period period, Place place) {
        enterRow(place);
        long key = key(seriesId, areaCode, period);
        if (!keys.add(key)) {
            repeats.add(new Repeat(seriesId, areaCode, period, null, place));
        } else if (wrongFirsts.size() < REMEMBERED_WRONG_ROWS) {
            wrongFirsts.put(List.of(seriesId, areaCode, period.code()), new First(place.location(), place.line(),
                    null));
        }
    }

    /** Observations staged: one per key. */
    int staged() {
        return staged;
    }

    int suppressed() {
        return suppressed;
    }

    Set<Period> periods() {
        return periods;
    }

    Set<String> areas() {
        return areas;
    }

    /**
     * The observations whose key came earlier in the file, each with the first occurrence of its key, in file
     * order; empty for a file without repeats (the usual case, which reads nothing).
     */
    List<Judged> repeats() {
        flush();
        endRow();
        if (repeats.isEmpty()) {
            return List.of();
        }
        Map<List<Object>, First> firsts = new HashMap<>(wrongFirsts);
        Set<List<Object>> wanted = new HashSet<>();
        Set<Long> series = new TreeSet<>();
        for (Repeat repeat : repeats) {
            wanted.add(List.of(repeat.seriesId(), repeat.areaCode(), repeat.period().code()));
            series.add(repeat.seriesId());
        }
        String sql = "select series_id, area_code, period, obs_value, location, line from " + table
                + " where series_id in (" + String.join(", ", series.stream().map(String::valueOf).toList()) + ")";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                List<Object> key = List.of(rows.getLong(1), rows.getString(2), rows.getString(3));
                if (wanted.contains(key)) {
                    int line = rows.getInt(6);
                    firsts.put(key, new First(rows.getString(5), rows.wasNull() ? null : line, rows.getBigDecimal(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the import's repeated rows failed", e);
        }
        List<Judged> judged = new ArrayList<>();
        for (Repeat repeat : repeats) {
            First first = firsts.get(List.of(repeat.seriesId(), repeat.areaCode(), repeat.period().code()));
            if (first == null) {
                continue; // a repeat of a wrong row beyond those remembered: the import is refused anyway
            }
            boolean same = first.value() == null ? repeat.value() == null
                    : repeat.value() != null && first.value().compareTo(repeat.value()) == 0;
            judged.add(new Judged(repeat, first, same));
        }
        return judged;
    }

    /** The rows of the file that had a repeat, each with the number of observations it stated. */
    Map<Long, Integer> statedByRepeatingRow() {
        endRow();
        return statedByRepeatingRow;
    }

    /**
     * Merges the staged observations into the store as the given import's: changed values get a new row that
     * supersedes the stored one, new keys are inserted, values stored as given are left alone.
     */
    WriteResult merge(long importId) {
        flush();
        String sameKey = "o.series_id = s.series_id and o.period_start = s.period_start and o.area_code = s.area_code"
                + " and o.period = s.period and o.superseded_by is null";
        try (Connection connection = dataSource.getConnection()) {
            long began = System.nanoTime();
            int updated = 0;
            int inserted;
            String insert = "insert into stat_observation (series_id, area_code, period, period_start, period_end,"
                    + " obs_value, status, import_id) select s.series_id, s.area_code, s.period, s.period_start,"
                    + " s.period_end, s.obs_value, s.status, ? from " + table + " s";
            boolean first = nothingStored(connection);
            if (first) {
                // Nothing stored in the span of the file's series and periods (a first import of them): every
                // observation is new, and none need be looked up. H2 passes the rows on as it reads them (DIRECT)
                // rather than gathering them first, a fifth faster.
                try (PreparedStatement statement = connection.prepareStatement(postgresql ? insert
                        : insert.replace(") select ", ") direct select "))) {
                    statement.setLong(1, importId);
                    inserted = statement.executeUpdate();
                }
            } else {
                try (PreparedStatement statement = connection.prepareStatement("update stat_observation set"
                        + " superseded_by = ? where id in (select o.id from " + table + " s join stat_observation o on "
                        + sameKey + " where o.status <> s.status or o.obs_value <> s.obs_value)")) {
                    statement.setLong(1, importId);
                    updated = statement.executeUpdate();
                }
                try (PreparedStatement statement = connection.prepareStatement(insert + " where not exists (select 1"
                        + " from stat_observation o where " + sameKey + ")")) {
                    statement.setLong(1, importId);
                    inserted = statement.executeUpdate();
                }
            }
            notePeriods(connection, importId);
            LOG.debugf("Merged %d staged observations in %d ms%s: %d superseded, %d inserted (staged in %d ms)",
                    staged, (System.nanoTime() - began) / 1_000_000, first ? " (none stored before)" : "", updated,
                    inserted, stagingNanos / 1_000_000);
            return new WriteResult(inserted - updated, updated, staged - inserted);
        } catch (SQLException e) {
            throw new IllegalStateException("Storing observations failed", e);
        }
    }

    /**
     * Notes the periods each table of the file holds values for (stat_table_period, see V15): those new to a table as
     * brought by this import. A few statements whatever the file's size: the tables of the file's series, the periods
     * each table held, the new ones.
     */
    private void notePeriods(Connection connection, long importId) throws SQLException {
        Map<Long, String> tableOfSeries = tablesOf(connection);
        Map<Integer, Period> periodOfKey = new HashMap<>();
        for (Period period : periods) {
            periodOfKey.put(periodKey(period), period);
        }
        Map<String, Set<String>> byTable = new TreeMap<>();
        for (LongCursor pair : seriesPeriods) {
            byTable.computeIfAbsent(tableOfSeries.get(pair.value >>> PERIOD_BITS), table -> new TreeSet<>())
                    .add(periodOfKey.get((int) (pair.value & (1L << PERIOD_BITS) - 1)).code());
        }
        try (PreparedStatement held = connection.prepareStatement(
                "select period from stat_table_period where table_id = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "insert into stat_table_period (table_id, period, import_id) values (?, ?, ?)")) {
            for (Map.Entry<String, Set<String>> table : byTable.entrySet()) {
                held.setString(1, table.getKey());
                Set<String> added = new TreeSet<>(table.getValue());
                try (ResultSet rows = held.executeQuery()) {
                    while (rows.next()) {
                        added.remove(rows.getString(1));
                    }
                }
                for (String period : added) {
                    insert.setString(1, table.getKey());
                    insert.setString(2, period);
                    insert.setLong(3, importId);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** The table of each staged series, read in chunks of a few hundred ids. */
    private Map<Long, String> tablesOf(Connection connection) throws SQLException {
        long[] ids = series.toArray();
        Map<Long, String> tables = new HashMap<>();
        int chunk = 500;
        for (int from = 0; from < ids.length; from += chunk) {
            int size = Math.min(chunk, ids.length - from);
            try (PreparedStatement statement = connection.prepareStatement("select s.id, m.table_id from stat_series s"
                    + " join stat_measure m on m.id = s.measure_id where s.id in ("
                    + String.join(", ", Collections.nCopies(size, "?")) + ")")) {
                for (int i = 0; i < size; i++) {
                    statement.setLong(i + 1, ids[from + i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        tables.put(rows.getLong(1), rows.getString(2));
                    }
                }
            }
        }
        return tables;
    }

    /**
     * Whether no series of the file has anything stored within the span of the file's periods: one short read of the
     * index by series and period for each series.
     */
    private boolean nothingStored(Connection connection) throws SQLException {
        if (periods.isEmpty()) {
            return true;
        }
        // Periods are ordered by their start first.
        java.time.LocalDate from = periods.first().start();
        java.time.LocalDate to = periods.last().start();
        try (PreparedStatement statement = connection.prepareStatement("select 1 from stat_observation where series_id"
                + " = ? and period_start >= ? and period_start <= ? and superseded_by is null")) {
            statement.setMaxRows(1);
            statement.setObject(2, from);
            statement.setObject(3, to);
            for (LongCursor id : series) {
                statement.setLong(1, id.value);
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Follows the rows of the file: an observation of another row ends the one before. */
    private void enterRow(Place place) {
        if (place.row() != currentRow) {
            endRow();
            currentRow = place.row();
        }
    }

    private void endRow() {
        if (currentRowRepeats) {
            statedByRepeatingRow.put(currentRow, currentRowStated);
        }
        currentRowStated = 0;
        currentRowRepeats = false;
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        long began = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            if (postgresql) {
                copy(connection.unwrap(PGConnection.class));
            } else {
                insert(connection);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Storing observations failed", e);
        }
        pending.clear();
        stagingNanos += System.nanoTime() - began;
    }

    private void copy(PGConnection connection) throws SQLException, IOException {
        try (PGCopyOutputStream copy = new PGCopyOutputStream(connection, "copy " + table + " (" + COLUMNS
                + ") from stdin with (format csv)"); SequenceWriter writer = COPY_ROWS.writeValues(copy)) {
            for (Pending row : pending) {
                writer.write(new Object[] {row.seriesId(), row.areaCode(), row.period().code(),
                        row.period().start().toString(), row.period().end().toString(),
                        row.value() == null ? "" : row.value().toPlainString(), status(row.value()),
                        row.location() == null ? "" : row.location(), row.line() == null ? "" : row.line()});
            }
        }
    }

    private void insert(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into " + table + " (" + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Pending row : pending) {
                statement.setLong(1, row.seriesId());
                statement.setString(2, row.areaCode());
                statement.setString(3, row.period().code());
                statement.setObject(4, row.period().start());
                statement.setObject(5, row.period().end());
                if (row.value() == null) {
                    statement.setNull(6, Types.DECIMAL);
                } else {
                    statement.setBigDecimal(6, row.value());
                }
                statement.setString(7, status(row.value()));
                statement.setString(8, row.location());
                if (row.line() == null) {
                    statement.setNull(9, Types.INTEGER);
                } else {
                    statement.setInt(9, row.line());
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static String status(BigDecimal value) {
        return (value == null ? ObservationStatus.SUPPRESSED : ObservationStatus.OK).code();
    }

    /** The bits of a period in a key: its granularity in 2 bits and its first month, counted from year 0, in 15. */
    private static final int PERIOD_BITS = 17;

    /**
     * A key as one number: the series (36 bits), the area (10 bits, numbered as they come) and the period (see {@link
     * #periodKey}).
     */
    private long key(long seriesId, String areaCode, Period period) {
        Integer area = areaIndex.get(areaCode);
        if (area == null) {
            area = areaIndex.size();
            areaIndex.put(areaCode, area);
        }
        if (seriesId >= 1L << 36 || area >= 1 << 10) {
            throw new IllegalStateException("An import's key is out of range: series " + seriesId + ", area number "
                    + area + ", period " + period.code());
        }
        return seriesId << 27 | (long) area << PERIOD_BITS | periodKey(period);
    }

    /** A series and a period as one number: the series above the period's bits. */
    private static long seriesPeriod(long seriesId, Period period) {
        return seriesId << PERIOD_BITS | periodKey(period);
    }

    /** A period as a number of {@link #PERIOD_BITS} bits: its granularity, then its first month from year 0. */
    private static int periodKey(Period period) {
        long month = period.start().getYear() * 12L + period.start().getMonthValue() - 1;
        if (month >= 1 << 15 || month < 0) {
            throw new IllegalStateException("An import's period is out of range: " + period.code());
        }
        return period.granularity().ordinal() << 15 | (int) month;
    }
}
