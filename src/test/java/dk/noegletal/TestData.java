package dk.noegletal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Lets a test remove what its imports wrote: everything after the import that was newest when it started,
 * restoring the values those imports had superseded.
 */
@ApplicationScoped
public class TestData {

    private final DataSource dataSource;

    TestData(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional
    public long newestImportId() {
        return single("select coalesce(max(id), 0) from import_run");
    }

    @Transactional
    public void removeImportsAfter(long importId) {
        execute("update observation set superseded_by = null where superseded_by > ?", importId);
        execute("delete from observation where import_id > ?", importId);
        execute("delete from import_run where id > ?", importId);
    }

    @Transactional
    public long countObservations() {
        return single("select count(*) from observation");
    }

    private long single(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql, long importId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, importId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
