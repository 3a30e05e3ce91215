package dk.noegletal.timeseries;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import static dk.noegletal.Fixtures.number;

import dk.noegletal.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Reads the demo data a first start loads: Gentofte's published appendix 2016-2018. */
@QuarkusTest
class SeriesResourceTest {

    @Test
    void demoDataGivesGentoftesPublishedDagpengeFigures() {
        given().config(Fixtures.EXACT_NUMBERS)
                .queryParam("area", "157").queryParam("targetGroup", "dagpenge")
                .queryParam("measure", "full-time-persons")
                .when().get("/api/v1/series")
                .then().statusCode(200)
                .body("area.name", equalTo("Gentofte"))
                .body("targetGroup.name", equalTo("Dagpengemodtagere"))
                .body("points.period", contains("2016", "2017", "2018"))
                .body("points.granularity", everyItem(equalTo("YEAR")))
                .body("points.value", contains(number("746"), number("802"), number("816")))
                .body("points.status", everyItem(equalTo("ok")));
    }

    @Test
    void suppressedDemoCellsStayNullWithTheirStatus() {
        given().queryParam("area", "157").queryParam("targetGroup", "integrationsydelse-jobparate")
                .queryParam("from", "2018")
                .when().get("/api/v1/series")
                .then().statusCode(200)
                .body("points", hasSize(1))
                .body("points[0].status", equalTo("suppressed"))
                .body("points[0].value", nullValue());
    }

    @Test
    void demoCountryValuesAreDerivedFromThePublishedShares() {
        // 816 full-time persons were 1.03 % of the country: 816 / 1.03 × 100 = 79223.300971
        given().config(Fixtures.EXACT_NUMBERS)
                .queryParam("area", "000").queryParam("targetGroup", "dagpenge").queryParam("from", "2018")
                .when().get("/api/v1/series")
                .then().statusCode(200)
                .body("points[0].value", number("79223.300971"));
    }

    @Test
    void limitsTheSeriesToTheRequestedPeriods() {
        given().queryParam("area", "157").queryParam("targetGroup", "dagpenge")
                .queryParam("from", "2017").queryParam("to", "2017Q4")
                .when().get("/api/v1/series")
                .then().statusCode(200).body("points.period", contains("2017"));
    }

    @Test
    void answers404ForUnknownAreaOrGroup() {
        given().queryParam("area", "999").queryParam("targetGroup", "dagpenge")
                .when().get("/api/v1/series")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("There is no area with code 999."));
        given().queryParam("area", "157").queryParam("targetGroup", "boligstoette")
                .when().get("/api/v1/series")
                .then().statusCode(404).body("detail", equalTo("There is no target group with code boligstoette."));
    }

    @Test
    void explainsMissingAndMalformedParameters() {
        given().queryParam("targetGroup", "dagpenge").when().get("/api/v1/series")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'area' is required"));
        given().queryParam("area", "157").when().get("/api/v1/series")
                .then().statusCode(400).body("detail", containsString("'targetGroup' is required"));
        given().queryParam("area", "157").queryParam("targetGroup", "dagpenge").queryParam("from", "2018Q5")
                .when().get("/api/v1/series")
                .then().statusCode(400).body("detail", containsString("there is no quarter 5"));
        given().queryParam("area", "157").queryParam("targetGroup", "dagpenge").queryParam("measure", "antal")
                .when().get("/api/v1/series")
                .then().statusCode(400).body("detail", containsString("Unknown measure 'antal'"));
        given().queryParam("area", "157").queryParam("targetGroup", "dagpenge")
                .queryParam("measure", "population-16-66")
                .when().get("/api/v1/series")
                .then().statusCode(400).body("detail", containsString("has no target groups"));
        given().queryParam("area", "157").queryParam("targetGroup", "dagpenge")
                .queryParam("from", "2019").queryParam("to", "2017")
                .when().get("/api/v1/series")
                .then().statusCode(400).body("detail", containsString("comes after"));
    }
}
