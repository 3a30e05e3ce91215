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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the data version failed", e);
        }
    }
}
