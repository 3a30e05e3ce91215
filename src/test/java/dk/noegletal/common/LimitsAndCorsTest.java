package dk.noegletal.common;

import static dk.noegletal.Fixtures.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.noegletal.ImportingTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The test profile allows import files of 4 MB, other bodies of 1 MB (the default), and the origin
 * dashboard.example.dk.
 */
@QuarkusTest
class LimitsAndCorsTest extends ImportingTest {

    private static final String HEADER = "area,target_group,measure,period,value\n";

    @Test
    void anImportFileOverTheLimitIsRefusedBeforeItIsRead() {
        long stored = testData.countObservations();
        byte[] body = (HEADER + "x".repeat(5 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        // As curl sends a large file: the answer comes before the body is sent.
        given().contentType("text/csv").header("Expect", "100-continue").body(body).when().post("/api/v1/imports")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("The file is larger than the 4 MB one import may be; split it into several "
                        + "imports, e.g. one per year."));
        assertEquals(stored, testData.countObservations());
        RestAssured.given().when().get("/api/v1/measures").then().statusCode(200);
    }

    @Test
    void anotherBodyOverItsLimitIsRefusedBeforeItIsRead() {
        // A cluster of two million bytes: only imports may be large.
        String members = "\"151\",".repeat(2 * 1024 * 1024 / 6);
        given().contentType("application/json")
                .body("{\"name\": \"Vestegnen\", \"members\": [" + members + "\"161\"]}")
                .when().put("/api/v1/clusters/vestegn")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("The body is larger than the 1 MB this address accepts."));
        RestAssured.given().when().get("/api/v1/clusters/vestegn").then().statusCode(404);
    }

    @Test
    void aConfiguredDashboardOriginMayCallTheApi() {
        RestAssured.given().header("Origin", "https://dashboard.example.dk")
                .header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/areas/157/key-figures")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://dashboard.example.dk");
        RestAssured.given().header("Origin", "https://dashboard.example.dk")
                .when().get("/api/v1/measures")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://dashboard.example.dk")
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void anotherOriginIsRefused() {
        RestAssured.given().header("Origin", "https://elsewhere.example")
                .when().get("/api/v1/measures")
                .then().statusCode(403);
    }
}
