package dk.noegletal.ranking;

import static dk.noegletal.Fixtures.given;
import static dk.noegletal.Fixtures.number;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
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

/** Rankings of a cluster of six municipalities with hand-made figures for 2040-2041, which no other test uses. */
@QuarkusTest
class RankingResourceTest {

    private static final String CLUSTER = "rangtest";

    @Inject
    TestData testData;

    private long before;

    @BeforeEach
    void importSixMunicipalities() {
        before = testData.newestImportId();
        given().contentType("application/json")
                .body(Map.of("code", CLUSTER, "name", "Rangordningstest",
                        "members", List.of("151", "153", "155", "159", "161", "163")))
                .when().post("/api/v1/clusters").then().statusCode(201);
        // Shares of the population 2041: Brøndby 1 %, Dragør 2 %, Gladsaxe 2 %, Ballerup 3 %. Glostrup has
        // full-time persons but no population; Herlev's value is suppressed. The country: 1000 of 100000, 1 %.
        importCsv("""
                area,target_group,measure,period,value
                151,dagpenge,full-time-persons,2041,30
                153,dagpenge,full-time-persons,2041,10
                155,dagpenge,full-time-persons,2041,20
                159,dagpenge,full-time-persons,2041,20
                161,dagpenge,full-time-persons,2041,40
                163,dagpenge,full-time-persons,2041,.
                151,,population-16-66,2041,1000
                153,,population-16-66,2041,1000
                155,,population-16-66,2041,1000
                159,,population-16-66,2041,1000
                163,,population-16-66,2041,1000
                000,dagpenge,full-time-persons,2041,1000
                000,,population-16-66,2041,100000
                151,dagpenge,full-time-persons,2040,25
                153,dagpenge,full-time-persons,2040,10
                155,dagpenge,full-time-persons,2040,16
                161,dagpenge,full-time-persons,2040,50
                000,dagpenge,full-time-persons,2040,800
                """);
    }

    @AfterEach
    void removeOwnData() {
        given().delete("/api/v1/clusters/" + CLUSTER);
        testData.removeImportsAfter(before);
    }

    @Test
    void ranksByShareOfPopulationAscendingWithSharedRanksAndAreasWithoutDataLast() {
        ranking(request().queryParam("cluster", CLUSTER))
                .body("by", equalTo("share-of-population"))
                .body("order", equalTo("asc"))
                .body("cluster.code", equalTo(CLUSTER))
                .body("areaCount", equalTo(6))
                .body("rankedCount", equalTo(4))
                .body("rows.areaCode", contains("153", "155", "159", "151", "161", "163"))
                .body("rows.rank", contains(1, 2, 2, 4, null, null))
                .body("rows.value", contains(number("1"), number("2"), number("2"), number("3"), nullValue(),
                        nullValue()))
                .body("rows[4].notes[0].field", equalTo("value"))
                .body("rows[4].notes[0].reason", equalTo("no-population"))
                .body("rows[5].notes[0].reason", equalTo("suppressed"))
                .body("reference.areaCode", equalTo("000"))
                .body("reference.rank", nullValue())
                .body("reference.value", number("1"));
    }

    @Test
    void descendingOrderStillListsAreasWithoutDataLast() {
        ranking(request().queryParam("cluster", CLUSTER).queryParam("order", "desc"))
                .body("rows.areaCode", contains("151", "155", "159", "153", "161", "163"))
                .body("rows.rank", contains(1, 2, 2, 4, null, null));
    }

    @Test
    void highlightGivesThePositionOutsideTheLimit() {
        ranking(request().queryParam("cluster", CLUSTER).queryParam("limit", "2").queryParam("highlight", "151"))
                .body("limit", equalTo(2))
                .body("rows.areaCode", contains("153", "155"))
                .body("areaCount", equalTo(6))
                .body("highlight.areaCode", equalTo("151"))
                .body("highlight.areaName", equalTo("Ballerup"))
                .body("highlight.rank", equalTo(4))
                .body("highlight.value", number("3"));
        ranking(request().queryParam("cluster", CLUSTER).queryParam("highlight", "163"))
                .body("highlight.rank", nullValue())
                .body("highlight.notes[0].reason", equalTo("suppressed"));
    }

    @Test
    void ranksByFullTimePersonsAndByChangePercent() {
        // Glostrup has no population, but full-time persons rank it first.
        ranking(request().queryParam("cluster", CLUSTER).queryParam("by", "full-time-persons")
                .queryParam("order", "desc"))
                .body("rows.areaCode", contains("161", "151", "155", "159", "153", "163"))
                .body("rows.rank", contains(1, 2, 3, 3, 5, null))
                .body("reference.value", number("1000"));
        // Glostrup 50 -> 40: -20 %; Brøndby 0 %; Ballerup 25 -> 30: +20 %; Dragør 16 -> 20: +25 %.
        ranking(request().queryParam("cluster", CLUSTER).queryParam("by", "change-percent"))
                .body("previousPeriod", equalTo("2040"))
                .body("rows.areaCode", contains("161", "153", "151", "155", "159", "163"))
                .body("rows.value", contains(number("-20"), number("0"), number("20"), number("25"), nullValue(),
                        nullValue()))
                .body("rows[4].notes[0].reason", equalTo("no-previous-value"))
                .body("reference.value", number("25"));
    }

    @Test
    void ranksAllNinetyEightMunicipalities() {
        // The demo data has Gentofte's 2018 figures only, and country values derived from its national shares.
        ranking(given().config(Fixtures.EXACT_NUMBERS).queryParam("targetGroup", "dagpenge")
                .queryParam("period", "2018").queryParam("by", "national-share").queryParam("highlight", "157"))
                .body("cluster", nullValue())
                .body("areaCount", equalTo(98))
                .body("rankedCount", equalTo(1))
                .body("rows", hasSize(98))
                .body("rows[0].areaCode", equalTo("157"))
                .body("rows[0].rank", equalTo(1))
                .body("rows[1..97].rank", everyItem(nullValue()))
                .body("rows[1..97].collect { it.notes[0].reason }", everyItem(equalTo("no-data")))
                .body("highlight.rank", equalTo(1))
                .body("reference.value", number("100"));
    }

    @Test
    void rejectsBadParameters() {
        given().queryParam("period", "2041").when().get("/api/v1/rankings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'targetGroup' is required"));
        given().queryParam("targetGroup", "dagpenge").queryParam("period", "2041Q5").when().get("/api/v1/rankings")
                .then().statusCode(400).body("detail", containsString("quarter 5"));
        request().queryParam("by", "persons").when().get("/api/v1/rankings")
                .then().statusCode(400).body("detail", equalTo("Unknown value 'persons' for 'by'; use "
                        + "share-of-population, full-time-persons, change-percent, national-share."));
        request().queryParam("order", "up").when().get("/api/v1/rankings")
                .then().statusCode(400).body("detail", containsString("use asc or desc"));
        request().queryParam("limit", "0").when().get("/api/v1/rankings")
                .then().statusCode(400).body("detail", containsString("'limit' must be a whole number"));
        request().queryParam("cluster", CLUSTER).queryParam("highlight", "157").when().get("/api/v1/rankings")
                .then().statusCode(400)
                .body("detail", containsString("157 to highlight is not among the ranked areas"));
        request().queryParam("highlight", "1084").when().get("/api/v1/rankings")
                .then().statusCode(400);
        request().queryParam("cluster", "ingen").when().get("/api/v1/rankings")
                .then().statusCode(404).body("detail", equalTo("There is no cluster with code ingen."));
        given().queryParam("targetGroup", "boligstoette").queryParam("period", "2041").when().get("/api/v1/rankings")
                .then().statusCode(404).body("detail", equalTo("There is no target group with code boligstoette."));
    }

    /** Computed figures are kept per revision of the data; a change of a cluster's members is such a revision. */
    @Test
    void aClustersFiguresFollowAChangeOfItsMembers() {
        String keyFigures = "/api/v1/areas/" + CLUSTER + "/key-figures?period=2041&targetGroup=dagpenge";
        given().config(Fixtures.EXACT_NUMBERS).when().get(keyFigures).then().statusCode(200)
                .body("groups[0].fullTimePersons", nullValue())
                .body("groups[0].notes[0].reason", equalTo("suppressed"));

        given().contentType("application/json")
                .body(Map.of("name", "Rangordningstest", "members", List.of("151", "153")))
                .when().put("/api/v1/clusters/" + CLUSTER).then().statusCode(200);

        given().config(Fixtures.EXACT_NUMBERS).when().get(keyFigures).then().statusCode(200)
                .body("groups[0].fullTimePersons", number("40"));
    }

    private static RequestSpecification request() {
        return given().config(Fixtures.EXACT_NUMBERS).queryParam("targetGroup", "dagpenge")
                .queryParam("period", "2041");
    }

    private static ValidatableResponse ranking(RequestSpecification request) {
        return request.when().get("/api/v1/rankings").then().statusCode(200);
    }

    private static void importCsv(String csv) {
        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports").then().statusCode(201);
    }
}
