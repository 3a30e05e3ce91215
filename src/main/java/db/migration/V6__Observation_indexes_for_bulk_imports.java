package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Leaves the observation table with two indexes: the primary key, and one by area and period, which every query
 * of observations uses (they all ask for some areas within a span of periods), so that an import of a year of the
 * whole country's figures writes two index entries per row instead of ten (H2 kept an index of its own for each
 * foreign key, beside the explicit ones). With the area and period first, an import compares against the stored
 * rows of its own periods only, and a ranking reads two years of each municipality rather than all of them.
 *
 * <p>The foreign keys of the observation table go: the import checks every area and target-group code against the
 * catalogue before it writes, and the import ids are the service's own. The check constraint on value and status
 * stays. A Java migration because foreign keys have generated names, which differ between H2 and PostgreSQL.
 */
public class V6__Observation_indexes_for_bulk_imports extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        DatabaseMetaData metadata = connection.getMetaData();
        String table = metadata.storesUpperCaseIdentifiers() ? "OBSERVATION" : "observation";
        List<String> foreignKeys = new ArrayList<>();
        try (ResultSet keys = metadata.getImportedKeys(connection.getCatalog(), connection.getSchema(), table)) {
            while (keys.next()) {
                String name = keys.getString("FK_NAME");
                if (!foreignKeys.contains(name)) {
                    foreignKeys.add(name);
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : foreignKeys) {
                statement.execute("alter table observation drop constraint " + quoted(name));
            }
            for (String index : List.of("observation_area_period", "observation_group_period", "observation_series",
                    "observation_import", "observation_superseded")) {
                statement.execute("drop index " + index);
            }
            statement.execute("create index observation_area_span"
                    + " on observation (area_code, period_start, period_end, measure, target_group_code)");
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
