package dk.noegletal.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/** The count of writes to the data; it changes with every import and every cluster change. */
@ApplicationScoped
public class DataVersion {

    private final DataSource dataSource;
    /** Calls of {@link #state()} outside a transaction, counted as they arrive. */
    private final AtomicLong arrivals = new AtomicLong();
    /** Held while the state is read for callers outside a transaction: one such read at a time. */
    private final Object reading = new Object();
    /** The newest state read for callers outside a transaction, and the count of arrivals when its read began. */
    private State newest;
    private long newestReadAfter = -1;

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
     * <p>
     * Every read asks this first, so under load many ask at once. Outside a transaction they share reads: a caller
     * takes the state of a read that began after it called, waiting for one if need be, so it sees every write
     * committed before it asked, exactly as if it had read alone, while the database answers one statement at a time
     * instead of one per request. A caller in a transaction reads in it, seeing its own writes.
     */
    public State state() {
        if (QuarkusTransaction.isActive()) {
            return readState();
        }
        long arrival = arrivals.incrementAndGet();
        synchronized (reading) {
            if (newestReadAfter < arrival) {
                long readAfter = arrivals.get();
                newest = readState();
                newestReadAfter = readAfter;
            }
            return newest;
        }
    }

    private State readState() {
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
