package dk.noegletal.common;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.noegletal.Fixtures;
import dk.noegletal.ImportingTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads are open; every write needs a user with the role editor. */
@QuarkusTest
class SecurityTest extends ImportingTest {

    private static final String CSV = "area,target_group,measure,period,value\n101,dagpenge,full-time-persons,2047,5\n";

    @Test
    void writesWithoutCredentialsAreUnauthorizedAndChangeNothing() {
        long stored = testData.countObservations();
        List<String> challenges = RestAssured.given().contentType("text/csv").body(CSV).when().post("/api/v1/imports")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Unauthorized"))
                .body("detail", equalTo("Sign in as a user with the role editor (HTTP Basic, or a bearer token of the "
                        + "identity provider) to change data."))
                .extract().headers().getValues("WWW-Authenticate");
        assertEquals(List.of("Basic realm=\"noegletal\"", "Bearer"), challenges);
        RestAssured.given().contentType("application/json")
                .body(Map.of("code", "sikker", "name", "Sikker", "members", List.of("101")))
                .when().post("/api/v1/clusters").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        RestAssured.given().when().delete("/api/v1/clusters/sikker").then().statusCode(401);
        assertEquals(stored, testData.countObservations());
    }

    @Test
    void aWrongPasswordIsUnauthorized() {
        RestAssured.given().auth().preemptive().basic(Fixtures.EDITOR, "guess").contentType("text/csv").body(CSV)
                .when().post("/api/v1/imports")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aUserWithoutTheEditorRoleIsForbidden() {
        long stored = testData.countObservations();
        RestAssured.given().auth().preemptive().basic("viewer", "test-viewer-password").contentType("text/csv")
                .body(CSV).when().post("/api/v1/imports")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("This user may read but not change data; changes need the role editor."));
        assertEquals(stored, testData.countObservations());
    }

    @Test
    void anEditorMayWriteAndAnyoneMayRead() {
        importCsv(CSV);
        RestAssured.given().queryParam("area", "101").queryParam("targetGroup", "dagpenge")
                .when().get("/api/v1/series").then().statusCode(200).body("points[0].period", equalTo("2047"));
        RestAssured.given().when().get("/api/v1/imports").then().statusCode(200);
    }
}
