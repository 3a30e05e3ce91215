package dk.noegletal.ingest;

import static dk.noegletal.Fixtures.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.noegletal.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An import that runs past its transaction's time-out is cancelled: it answers with a problem, stores nothing, and
 * leaves the store readable and the import lock free for the next import. A database of its own, without the demo,
 * and a time-out of one second.
 */
@QuarkusTest
@TestProfile(CancelledImportTest.OneSecond.class)
class CancelledImportTest {

    public static class OneSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(Map.of("noegletal.demo.enabled", "false",
                    "noegletal.imports.timeout-seconds", "1", "noegletal.imports.max-body", "64M",
                    "noegletal.imports.upload-budget", "128M"));
            if ("test".equals(System.getProperty("quarkus.test.profile", "test"))) {
                overrides.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:noegletal-cancelled;DB_CLOSE_DELAY=-1");
            }
            return overrides;
        }
    }

    @Inject
    TestData testData;

    /** A table of many observations: every municipality-like area code, month and member, far more than a second. */
    private static byte[] large() {
        StringBuilder csv = new StringBuilder("table,area,period,Ydelse,measure,value\n");
        String[] areas = {"101", "147", "151", "153", "155", "157", "159", "161", "163", "165"};
        for (int year = 2001; year <= 2025; year++) {
            for (int month = 1; month <= 12; month++) {
                for (String area : areas) {
                    for (int member = 0; member < 100; member++) {
                        csv.append("own-stor,").append(area).append(',').append(year).append('-')
                                .append(month < 10 ? "0" : "").append(month).append(",ydelse ").append(member)
                                .append(",Antal personer,").append(member + month).append('\n');
                    }
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anImportPastItsTimeOutStoresNothingAndTheNextOneLands() {
        long observations = testData.countObservations();
        long newest = testData.newestImportId();
        given().contentType("text/csv").body(large()).when().post("/api/v1/imports").then().log().ifValidationFails()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", is("urn:noegletal:problem:import-timed-out"))
                .body("detail", containsString("took longer than the 1 s an import may take, and was cancelled: "
                        + "nothing of it was stored"));
        assertEquals(observations, testData.countObservations(), "no observation stored");
        assertEquals(newest, testData.newestImportId(), "no import recorded");
        RestAssured.given().when().get("/api/v1/tables/own-stor").then().statusCode(404);
        // The store reads, and the lock is free: a small import lands at once.
        RestAssured.given().when().get("/api/v1/areas/157").then().statusCode(200);
        given().contentType("text/csv").body(("table,area,period,measure,value\nown-lille,157,2025-01,Antal personer,"
                + "12\n").getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/imports").then()
                .log().ifValidationFails().statusCode(201).body("inserted", is(1));
    }
}
