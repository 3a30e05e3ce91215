package dk.noegletal.ingest;

import dk.noegletal.common.NoegletalConfig;
import dk.noegletal.timeseries.ObservationStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Brings the store up at every start, so that a start killed at any moment leaves nothing a later start cannot
 * mend: the schema is migrated (Flyway), an empty database gets the demo data in one transaction, and only then is
 * the database marked complete (table installation). An embedded (H2) database that has tables but no mark is what
 * a killed first start left, a half-migrated schema or a half-loaded demo: it is emptied and built again. A
 * PostgreSQL database is never emptied: its migrations are transactional, and it gets no demo data.
 */
@ApplicationScoped
class FirstStart {

    private static final Logger LOG = Logger.getLogger(FirstStart.class);

    private final Flyway flyway;
    private final DataSource dataSource;
    private final NoegletalConfig config;
    private final ObservationStore store;
    private final DemoDataLoader demo;
    private final boolean embedded;
    private final String url;
    private final String username;
    private final Optional<String> password;

    FirstStart(Flyway flyway, DataSource dataSource, NoegletalConfig config, ObservationStore store,
            DemoDataLoader demo, @ConfigProperty(name = "quarkus.datasource.db-kind") String databaseKind,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "") String username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.flyway = flyway;
        this.dataSource = dataSource;
        this.config = config;
        this.store = store;
        this.demo = demo;
        this.embedded = "h2".equals(databaseKind);
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** Before anything else that reads the store at start. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) throws SQLException {
        try (Connection opened = embedded ? openEmbedded() : null) {
            if (embedded && leftByAKilledFirstStart()) {
                LOG.warn("The embedded database holds an incomplete first start (the service was stopped before its "
                        + "schema and demo data were in place); it is emptied and built again.");
                execute("drop all objects");
            }
            flyway.migrate();
            if (config.demo().enabled() && store.isEmpty()) {
                QuarkusTransaction.requiringNew().run(demo::load);
            }
            // What the demo's imports, or an import cut off by a stop, staged.
            ImportStaging.empty(dataSource);
            execute("insert into installation (id, completed_at) select 1, current_timestamp from data_version "
                    + "where id = 1 and not exists (select 1 from installation)");
        }
    }

    /**
     * Opens the embedded database with its own connection, for as long as that takes, before the pool's connections
     * join it. After a kill during a large import H2 first rolls the import back, which took 3-28 s in the crash
     * check: longer than the pool waits for a new connection (5 s), after which the start failed.
     */
    private Connection openEmbedded() throws SQLException {
        long began = System.nanoTime();
        Properties credentials = new Properties();
        credentials.setProperty("user", username);
        credentials.setProperty("password", password.orElse(""));
        Connection connection = new org.h2.Driver().connect(url, credentials);
        long millis = (System.nanoTime() - began) / 1_000_000;
        if (millis >= 1000) {
            LOG.infof("The embedded database took %d ms to open (it may have rolled back an import that a stop cut "
                    + "off).", millis);
        }
        return connection;
    }

    /**
     * Tables but no mark of completion. A database of a version before the mark counts as complete when it holds
     * imports or clusters (what migration V7 marks).
     */
    private boolean leftByAKilledFirstStart() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            if (!hasTable(metadata, "flyway_schema_history") && !hasTable(metadata, "area")) {
                return false;
            }
            if (hasTable(metadata, "installation")) {
                return !any(connection, "select 1 from installation");
            }
            return !(hasTable(metadata, "import_run") && any(connection, "select 1 from import_run"))
                    && !(hasTable(metadata, "area") && any(connection, "select 1 from area where type = 'CLUSTER'"));
        }
    }

    private static boolean hasTable(DatabaseMetaData metadata, String name) throws SQLException {
        String stored = metadata.storesUpperCaseIdentifiers() ? name.toUpperCase() : name;
        try (ResultSet tables = metadata.getTables(null, null, stored, null)) {
            return tables.next();
        }
    }

    private static boolean any(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            return rows.next();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
