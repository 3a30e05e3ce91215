package dk.noegletal.comparison;

import static dk.noegletal.Fixtures.given;
import static dk.noegletal.Fixtures.number;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dk.noegletal.Fixtures;
import dk.noegletal.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gentofte compared with hand-made figures for its region, the country and a cluster in 2042-2043, years no other
 * test uses. Changes 2042 -> 2043: Gentofte +10 %, Region Hovedstaden +9.5 %, the country +8 %, the cluster
 * (Gladsaxe and Glostrup) +15 %.
 */
@QuarkusTest
class ComparisonResourceTest {

    private static final String CLUSTER = "sammenlign";

    @Inject
    TestData testData;

    private long before;

    @BeforeEach
    void importFigures() {
        before = testData.newestImportId();
        given().contentType("application/json")
                .body(Map.of("code", CLUSTER, "name", "Sammenligningstest", "members", List.of("159", "161")))
                .when().post("/api/v1/clusters").then().statusCode(201);
        importCsv("""
                area,target_group,measure,period,value
                157,dagpenge,full-time-persons,2042,100
                157,dagpenge,full-time-persons,2043,110
                157,,population-16-66,2042,5000
                157,,population-16-66,2043,5000
                1084,dagpenge,full-time-persons,2042,1000
                1084,dagpenge,full-time-persons,2043,1095
                1084,,population-16-66,2042,50000
                1084,,population-16-66,2043,50000
                000,dagpenge,full-time-persons,2042,10000
                000,dagpenge,full-time-persons,2043,10800
                159,dagpenge,full-time-persons,2042,100
                159,dagpenge,full-time-persons,2043,120
                161,dagpenge,full-time-persons,2042,100
                161,dagpenge,full-time-persons,2043,110
                159,,population-16-66,2042,5000
                159,,population-16-66,2043,5000
                161,,population-16-66,2042,5000
                161,,population-16-66,2043,5000
                """);
    }

    @AfterEach
    void removeOwnData() {
        given().delete("/api/v1/clusters/" + CLUSTER);
        testData.removeImportsAfter(before);
    }

    @Test
    void comparesWithTheRegionAndTheCountryByDefault() {
        comparison("157", request())
                .body("area.code", equalTo("157"))
                .body("targetGroup.name", equalTo("Dagpengemodtagere"))
                .body("period", equalTo("2043"))
                .body("previousPeriod", equalTo("2042"))
                .body("tolerancePp", number("1.0"))
                .body("skipped", empty())
                .body("rows.role", contains("area", "comparison", "comparison"))
                .body("rows.with", contains(nullValue(), equalTo("region"), equalTo("country")))
                .body("rows.areaCode", contains("157", "1084", "000"))
                .body("rows.fullTimePersons", contains(number("110"), number("1095"), number("10800")))
                .body("rows.changePercent", contains(number("10"), number("9.5"), number("8")))
                // 110 / 5000 = 2.2 %, a year earlier 2 %: +0.2 pp. Region: 2.19 % and 2 %.
                .body("rows[0].shareOfPopulation", number("2.2"))
                .body("rows[0].shareOfPopulationChangePp", number("0.2"))
                .body("rows[1].shareOfPopulation", number("2.19"))
                .body("rows[1].shareOfPopulationChangePp", number("0.19"))
                .body("rows[0].changeDifferencePp", nullValue())
                .body("rows[0].classification", nullValue())
                .body("rows[0].notes", empty())
                // Gentofte's +10 % against the region's +9.5 %: 0.5 pp, within 1.0; against the country's 8 %: 2 pp.
                .body("rows.changeDifferencePp", contains(nullValue(), number("0.5"), number("2")))
                .body("rows.classification", contains(nullValue(), equalTo("on level"), equalTo("higher")))
                // No population is stored for the country.
                .body("rows[2].shareOfPopulation", nullValue())
                .body("rows[2].notes.find { it.field == 'shareOfPopulation' }.reason", equalTo("no-population"));
    }

    @Test
    void theToleranceDecidesBothWays() {
        comparison("157", request().queryParam("tolerancePp", "0.4"))
                .body("tolerancePp", number("0.4"))
                .body("rows.classification", contains(nullValue(), equalTo("higher"), equalTo("higher")));
        // The bounds are on level: 0.5 pp within ±0.5, 2 pp within ±2.
        comparison("157", request().queryParam("tolerancePp", "2"))
                .body("rows.classification", contains(nullValue(), equalTo("on level"), equalTo("on level")));
        comparison("157", request().queryParam("tolerancePp", "0.5"))
                .body("rows[1].classification", equalTo("on level"));
    }

    @Test
    void comparesWithAClusterAndOtherAreasInTheOrderAsked() {
        comparison("157", request().queryParam("with", "cluster:" + CLUSTER + ",country").queryParam("with", "101"))
                .body("rows.with", contains(nullValue(), equalTo("cluster:sammenlign"), equalTo("country"),
                        equalTo("101")))
                .body("rows.areaCode", contains("157", CLUSTER, "000", "101"))
                .body("rows[1].areaType", equalTo("CLUSTER"))
                // The cluster: 200 -> 230, +15 %; Gentofte's +10 % is 5 pp lower. Its share: 230 / 10000 = 2.3 %.
                .body("rows[1].fullTimePersons", number("230"))
                .body("rows[1].changePercent", number("15"))
                .body("rows[1].shareOfPopulation", number("2.3"))
                .body("rows[1].changeDifferencePp", number("-5"))
                .body("rows[1].classification", equalTo("lower"))
                // København has nothing stored: every figure is null with its reason, and so is the classification.
                .body("rows[3].fullTimePersons", nullValue())
                .body("rows[3].classification", nullValue())
                .body("rows[3].notes.find { it.field == 'fullTimePersons' }.reason", equalTo("no-data"))
                .body("rows[3].notes.find { it.field == 'classification' }.reason", equalTo("no-data"))
                .body("rows[3].notes.find { it.field == 'classification' }.message",
                        containsString("The change percent of København is unknown."));
        // A cluster code works without the prefix too.
        comparison("157", request().queryParam("with", CLUSTER))
                .body("rows.areaCode", contains("157", CLUSTER));
    }

    @Test
    void aRegionHasNoRegionToCompareWith() {
        comparison("1084", request())
                .body("rows.areaCode", contains("1084", "000"))
                // Region +9.5 % against the country's +8 %: 1.5 pp higher.
                .body("rows[1].changeDifferencePp", number("1.5"))
                .body("rows[1].classification", equalTo("higher"))
                .body("skipped.with", contains("region"))
                .body("skipped[0].message", equalTo("Region Hovedstaden is a region; only a municipality has a "
                        + "region to compare with."));
        comparison(CLUSTER, request())
                .body("rows.areaCode", contains(CLUSTER, "000"))
                .body("skipped[0].message", containsString("is a cluster"));
        comparison("157", request().queryParam("with", "region,1084,157"))
                .body("rows.areaCode", contains("157", "1084"))
                .body("skipped.message", hasItem("Region Hovedstaden is already compared (as region)."))
                .body("skipped.message", hasItem("Gentofte is the area itself."));
    }

    @Test
    void rejectsBadParameters() {
        request().queryParam("with", "kommune").when().get("/api/v1/areas/157/comparison")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("'kommune' in 'with' is no area code; use region, country, cluster:CODE or "
                        + "an area code (see /api/v1/areas)."));
        request().queryParam("with", "cluster:157").when().get("/api/v1/areas/157/comparison")
                .then().statusCode(400).body("detail", containsString("There is no cluster with code 157"));
        request().queryParam("with", "cluster:").when().get("/api/v1/areas/157/comparison")
                .then().statusCode(400).body("detail", containsString("names no cluster"));
        request().queryParam("tolerancePp", "-1").when().get("/api/v1/areas/157/comparison")
                .then().statusCode(400).body("detail", containsString("'tolerancePp' must be a number"));
        request().queryParam("tolerancePp", "lidt").when().get("/api/v1/areas/157/comparison")
                .then().statusCode(400).body("detail", containsString("not 'lidt'"));
        given().queryParam("targetGroup", "dagpenge").queryParam("period", "2043Q5")
                .when().get("/api/v1/areas/157/comparison")
                .then().statusCode(400).body("detail", containsString("quarter 5"));
        given().queryParam("period", "2043").when().get("/api/v1/areas/157/comparison")
                .then().statusCode(400).body("detail", containsString("'targetGroup' is required"));
        request().when().get("/api/v1/areas/999/comparison")
                .then().statusCode(404).body("detail", equalTo("There is no area with code 999."));
        given().queryParam("targetGroup", "boligstoette").queryParam("period", "2043")
                .when().get("/api/v1/areas/157/comparison")
                .then().statusCode(404).body("detail", equalTo("There is no target group with code boligstoette."));
    }

    private static RequestSpecification request() {
        return given().config(Fixtures.EXACT_NUMBERS).queryParam("targetGroup", "dagpenge")
                .queryParam("period", "2043");
    }

    private static ValidatableResponse comparison(String area, RequestSpecification request) {
        return request.when().get("/api/v1/areas/" + area + "/comparison").then().statusCode(200);
    }

    private static void importCsv(String csv) {
        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports").then().statusCode(201);
    }
}
