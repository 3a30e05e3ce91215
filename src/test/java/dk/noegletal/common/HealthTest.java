package dk.noegletal.common;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** Health answers from a real query of the store. */
@QuarkusTest
class HealthTest {

    @Test
    void readyAndLiveWhileTheStoreAnswers() {
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP")).body("checks.name", hasItem("store"));
        RestAssured.given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.name", hasItem("embedded-store-open"));
    }
}
