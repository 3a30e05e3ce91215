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

/** The test profile allows bodies of 2 MB and the origin dashboard.example.dk. */
@QuarkusTest
class LimitsAndCorsTest extends ImportingTest {

    private static final String HEADER = "area,target_group,measure,period,value\n";

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        long stored = testData.countObservations();
        byte[] body = (HEADER + "x".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        given().contentType("text/csv").body(body).when().post("/api/v1/imports")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("The body is larger than the limit of 2 MB; split the file into several "
                        + "imports."));
        assertEquals(stored, testData.countObservations());
        RestAssured.given().when().get("/api/v1/measures").then().statusCode(200);
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
