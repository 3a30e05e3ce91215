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

    /** The tables shipped with the service, which keep their catalogue entries even without values. */
    private static final String CURATED = "('maalgrupper', 'befolkning')";

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
        execute("update stat_observation set superseded_by = null where superseded_by > ?", importId);
        execute("delete from stat_observation where import_id > ?", importId);
        execute("delete from stat_table_period where import_id > ?", importId);
        // Tables the removed imports created, now without values, go with them; the curated ones stay.
        String empty = "select m.table_id from stat_measure m join stat_series s on s.measure_id = m.id"
                + " join stat_observation o on o.series_id = s.id";
        execute("delete from stat_series where measure_id in (select id from stat_measure where table_id not in ("
                + empty + ") and table_id not in " + CURATED + ") and ? >= 0", importId);
        execute("delete from stat_measure where table_id not in (select id from stat_table t where exists ("
                + empty + " where m.table_id = t.id)) and table_id not in " + CURATED + " and ? >= 0", importId);
        execute("update stat_member set parent_id = null where dimension_id in (select id from stat_dimension"
                + " where table_id not in (select table_id from stat_measure)) and ? >= 0", importId);
        execute("delete from stat_member where dimension_id in (select id from stat_dimension where table_id not in"
                + " (select table_id from stat_measure)) and ? >= 0", importId);
        execute("delete from stat_dimension where table_id not in (select table_id from stat_measure) and ? >= 0",
                importId);
        execute("delete from stat_table where id not in (select table_id from stat_measure) and ? >= 0", importId);
        execute("delete from import_run where id > ?", importId);
    }

    @Transactional
    public long newestGoalVersion() {
        return single("select coalesce(max(id), 0) from goal");
    }

    /** Removes the goals (every version) recorded after the given version, leaving the demo's. */
    @Transactional
    public void removeGoalsAfter(long version) {
        execute("delete from goal where goal_id > ?", version);
    }

    @Transactional
    public long countGoalVersions() {
        return single("select count(*) from goal");
    }

    @Transactional
    public long countObservations() {
        return single("select count(*) from stat_observation");
    }

    /** The rows left in H2's staging table (V16), which every import empties before its transaction ends. */
    @Transactional
    public long countStagedRows() {
        return single("select count(*) from import_staging");
    }

    /** Every value of every row of the named tables, as text: to look for what must never be stored. */
    @Transactional
    public String everyValueOf(String... tables) {
        StringBuilder text = new StringBuilder();
        for (String table : tables) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement("select * from " + table);
                    ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int c = 1; c <= columns; c++) {
                        text.append(rows.getString(c)).append('\n');
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return text.toString();
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
