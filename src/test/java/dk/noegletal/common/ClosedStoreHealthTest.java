package dk.noegletal.common;

import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * An embedded database that H2 closed (as it does after an out-of-memory error in a write) makes the service
 * unready and not live, so that it is restarted, though the pool still hands out connections. A database of its
 * own, since it is closed for good.
 */
@QuarkusTest
@TestProfile(ClosedStoreHealthTest.OwnDatabase.class)
// The embedded build only: the database kind is fixed at build time, and the PostgreSQL build runs profile "test,pg,pgtest".
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = "test")
class ClosedStoreHealthTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:closed-store-health;DB_CLOSE_DELAY=-1",
                    "noegletal.demo.enabled", "false");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aClosedEmbeddedDatabaseIsNeitherReadyNorLive() throws SQLException {
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("shutdown");
        }
        RestAssured.given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'store' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'store' }.data.reason", equalTo("the embedded database was closed"));
        RestAssured.given().when().get("/q/health/live").then().statusCode(503)
                .body("checks.find { it.name == 'embedded-store-open' }.status", equalTo("DOWN"));
    }
}
