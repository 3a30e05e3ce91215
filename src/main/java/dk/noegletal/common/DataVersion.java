package dk.noegletal.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The count of writes to the data; it changes with every import and every cluster change. */
@ApplicationScoped
public class DataVersion {

    private final DataSource dataSource;

    DataVersion(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long current() {
        return single("select version from data_version where id = 1");
    }

    /**
     * What a read depends on, read together in one statement (one round trip, one snapshot): the count of writes and
     * the newest import that changed the data (0 before the first). An import that changed nothing is kept in the
     * history but is no new revision, so it leaves every ETag as it was. The newest is found from the top of the
     * imports' primary key, however long their history.
     */
    public State state() {
        return read("select v.version, coalesce((select r.id from import_run r where r.inserted > 0 or r.updated > 0"
                + " order by r.id desc fetch first 1 rows only), 0) from data_version v where v.id = 1",
                rows -> new State(rows.getLong(1), rows.getLong(2)));
    }

    /** The count of writes and the newest import that changed the data. */
    public record State(long writes, long newestImport) {
    }

    /**
     * Takes the data-version row for the writer's transaction without counting a write (an import that may change
     * nothing): a second writer waits for this one, on every instance that shares the database.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock() {
        single("select version from data_version where id = 1 for update");
    }

    /**
     * Counts a write, within the writer's transaction. The row stays locked until that transaction ends, so a
     * second writer waits for the first: on every instance of the service that shares the database.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countWrite() {
        single("select version from data_version where id = 1 for update");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "update data_version set version = version + 1 where id = 1")) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Counting a write failed", e);
        }
    }

    private long single(String sql) {
        return read(sql, rows -> rows.getLong(1));
    }

    /** The one row of a query, as {@code row} makes it of the result set on that row. */
    private <T> T read(String sql, Row<T> row) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return row.of(rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the data version failed", e);
        }
    }

    private interface Row<T> {
        T of(ResultSet rows) throws SQLException;
    }
}
