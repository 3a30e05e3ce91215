package dk.noegletal.common;

import static dk.noegletal.Fixtures.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemResponseTest {

    @Test
    void unknownAddressIsAProblem() {
        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("There is nothing at this address."));
    }

    @Test
    void wrongMethodIsAProblem() {
        given().when().delete("/api/v1/areas")
                .then().statusCode(405).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("This address does not accept that HTTP method."));
    }

    @Test
    void malformedJsonNamesNoJavaClass() {
        given().contentType("application/json").body("{\"columns\": [")
                .when().post("/api/v1/imports")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("not valid JSON"))
                .body("detail", not(containsString("Source")))
                .body("detail", not(containsString("java.")));
    }
}
