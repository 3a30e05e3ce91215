package dk.noegletal.timeseries;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The one way observations of any table are written and superseded (stat_observation): on PostgreSQL with COPY,
 * streamed as CSV, elsewhere with batched inserts. Runs on the caller's transaction's connection.
 */
public final class ObservationRows {

    private static final int BATCH_SIZE = 1000;
    private static final String COLUMNS = "series_id, area_code, period, period_start, period_end, obs_value, status,"
            + " import_id";
    /**
     * Rows for COPY in its CSV format, where an empty unquoted field is null: nulls are written as empty strings
     * (which this writer leaves unquoted), as no stored text is empty.
     */
    private static final ObjectWriter COPY_ROWS = new CsvMapper().writer(CsvSchema.emptySchema());

    private ObservationRows() {
    }

    /** An observation of a series; {@code value} is null when it was suppressed. */
    public record Row(long seriesId, String areaCode, Period period, BigDecimal value) {
    }

    public static void insert(DataSource dataSource, long importId, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isWrapperFor(PGConnection.class)) {
                copy(connection.unwrap(PGConnection.class), importId, rows);
            } else {
                insertBatched(connection, importId, rows);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Storing observations failed", e);
        }
    }

    private static void copy(PGConnection connection, long importId, List<Row> rows)
            throws SQLException, IOException {
        String sql = "copy stat_observation (" + COLUMNS + ") from stdin with (format csv)";
        try (PGCopyOutputStream copy = new PGCopyOutputStream(connection, sql);
                SequenceWriter writer = COPY_ROWS.writeValues(copy)) {
            for (Row row : rows) {
                writer.write(new Object[] {row.seriesId(), row.areaCode(), row.period().code(),
                        row.period().start().toString(), row.period().end().toString(),
                        row.value() == null ? "" : row.value().toPlainString(), status(row).code(), importId});
            }
        }
    }

    private static void insertBatched(Connection connection, long importId, List<Row> rows) throws SQLException {
        String sql = "insert into stat_observation (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Row row : rows) {
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
                statement.setString(7, status(row).code());
                statement.setLong(8, importId);
                statement.addBatch();
                if (++pending == BATCH_SIZE) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    /** Marks stored observations (by id) as replaced by the given import. */
    public static void supersede(DataSource dataSource, long importId, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "update stat_observation set superseded_by = ? where id = ?")) {
            int pending = 0;
            for (long id : ids) {
                statement.setLong(1, importId);
                statement.setLong(2, id);
                statement.addBatch();
                if (++pending == BATCH_SIZE) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Superseding observations failed", e);
        }
    }

    private static ObservationStatus status(Row row) {
        return row.value() == null ? ObservationStatus.SUPPRESSED : ObservationStatus.OK;
    }
}
