package dk.noegletal.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health from a real query of the store (the data version every read and write goes through), not from whether a
 * connection can be had: an embedded database that H2 closed after a failure still hands out connections.
 * Ready while the query answers. Live unless the embedded database is closed for good, which only a restart
 * mends; a PostgreSQL server that cannot be reached makes the service unready, not dead, as a restart would not
 * bring it back.
 */
@ApplicationScoped
class StoreHealth {

    /** H2's codes for a database that was closed (DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN). */
    private static final Set<Integer> CLOSED = Set.of(90098, 90121);

    private final DataVersion dataVersion;
    private final boolean embedded;

    StoreHealth(DataVersion dataVersion, @ConfigProperty(name = "quarkus.datasource.db-kind") String databaseKind) {
        this.dataVersion = dataVersion;
        this.embedded = "h2".equals(databaseKind);
    }

    @Readiness
    HealthCheck storeAnswers() {
        return () -> {
            try {
                return HealthCheckResponse.named("store").up().withData("dataVersion", dataVersion.current()).build();
            } catch (RuntimeException e) {
                return HealthCheckResponse.named("store").down().withData("reason", reason(e)).build();
            }
        };
    }

    @Liveness
    HealthCheck storeIsOpen() {
        return () -> {
            try {
                dataVersion.current();
            } catch (RuntimeException e) {
                if (embedded && closed(e)) {
                    return HealthCheckResponse.named("embedded-store-open").down()
                            .withData("reason", "the embedded database was closed; restart the service").build();
                }
            }
            return HealthCheckResponse.named("embedded-store-open").up().build();
        };
    }

    private static boolean closed(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && CLOSED.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable e) {
        return closed(e) ? "the embedded database was closed" : "the store does not answer a query";
    }
}
