package dk.noegletal.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An Accept header is read as RFC 9110 writes it: every tabular endpoint, and every header a client may send. */
@QuarkusTest
class AcceptHeaderTest {

    /** The endpoints that answer JSON and CSV, with the demo data's Gentofte 2018. */
    private static final List<String> TABULAR = List.of(
            "/api/v1/areas",
            "/api/v1/target-groups",
            "/api/v1/measures",
            "/api/v1/imports",
            "/api/v1/clusters",
            "/api/v1/series?area=157&targetGroup=dagpenge&measure=full-time-persons",
            "/api/v1/areas/157/key-figures?period=2018",
            "/api/v1/areas/157/comparison?targetGroup=dagpenge&period=2018",
            "/api/v1/rankings?targetGroup=dagpenge&period=2018",
            "/api/v1/areas/157/reports/annual?year=2018",
            "/api/v1/areas/157/reports/quarterly/2018Q4");

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " , "})
    void anAcceptHeaderNamingNothingIsAnsweredLikeNoneWithJson(String accept) {
        for (String address : TABULAR) {
            given().header("Accept", accept)
                    .when().get(address)
                    .then().statusCode(200).contentType(startsWith("application/json"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {";;;", "text/", "/", "text", "text/csv;q=x", "text/csv;q=2", "text/csv; charset",
            "application/json, text/"})
    void aMalformedAcceptHeaderIsABadRequestNamingIt(String accept) {
        for (String address : TABULAR) {
            given().header("Accept", accept)
                    .when().get(address)
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("type", equalTo("urn:noegletal:problem:invalid-accept"))
                    .body("detail", startsWith("The Accept header '" + accept + "' cannot be read: "))
                    .body("detail", containsString("Ask for application/json or text/csv"));
        }
    }

    @Test
    void aMalformedAcceptHeaderOnASingleResourceIsTheSameProblem() {
        given().header("Accept", "text/")
                .when().get("/api/v1/areas/157")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("The Accept header 'text/' cannot be read: 'text/' is not a media type "
                        + "such as text/csv. Ask for application/json or text/csv, or leave the header out."));
    }

    @Test
    void wellFormedHeadersWithWeightsAndParametersAreNegotiated() {
        given().header("Accept", "text/csv;q=0.5, application/json;q=1.000")
                .when().get("/api/v1/areas")
                .then().statusCode(200).contentType(equalTo("application/json;charset=UTF-8"));
        given().header("Accept", "application/json;q=0.1 , text/csv ; charset=\"UTF-8\" ; q=0.9")
                .when().get("/api/v1/areas")
                .then().statusCode(200).contentType(equalTo("text/csv;charset=UTF-8"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json;q=0.1, text/csv;q=0.9", "text/csv;q=0.9,application/json;q=0.1",
            "application/json;q=0.1, text/csv ; q=0.9", "application/json ;q=0.1 , text/csv; charset=\"UTF-8\"",
            ",text/csv,,"})
    void blanksAroundParametersAndEmptyElementsDoNotChangeWhatIsChosen(String accept) {
        given().header("Accept", accept)
                .when().get("/api/v1/areas")
                .then().statusCode(200).contentType(equalTo("text/csv;charset=UTF-8"));
    }

    @Test
    void theFormatParameterWinsOverAMalformedHeader() {
        given().header("Accept", ";;;").queryParam("format", "csv")
                .when().get("/api/v1/measures")
                .then().statusCode(200).contentType(startsWith("text/csv"));
    }
}
