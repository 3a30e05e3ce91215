package dk.noegletal.timeseries;

import static dk.noegletal.Fixtures.number;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dk.noegletal.Fixtures;
import dk.noegletal.ImportingTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code latest} and its kin on every endpoint that takes a period, from monthly data of Aalborg (851) in 2061 and
 * January-April 2062, which no other test or the demo touches. Aarhus (751) has nothing stored; the rankings look
 * at every area, so their test adds a month of 2198, newer than anything else stored.
 */
@QuarkusTest
class LatestPeriodTest extends ImportingTest {

    private static final String KEY_FIGURES = "/api/v1/areas/{area}/key-figures";

    private long firstImport;

    /** 851 dagpenge: 2061 every month 100; 2062 January-April 210, 220, 230, 240. The country ten times as much. */
    @BeforeEach
    void importSixteenMonths() {
        StringBuilder csv = new StringBuilder("area,target_group,measure,period,value\n");
        for (int month = 1; month <= 12; month++) {
            csv.append("851,dagpenge,full-time-persons,2061-%02d,100\n".formatted(month));
            csv.append("000,dagpenge,full-time-persons,2061-%02d,1000\n".formatted(month));
        }
        for (int month = 1; month <= 4; month++) {
            csv.append("851,dagpenge,full-time-persons,2062-%02d,%d\n".formatted(month, 200 + 10 * month));
            csv.append("000,dagpenge,full-time-persons,2062-%02d,%d\n".formatted(month, 2000 + 100 * month));
        }
        firstImport = importCsv(csv.toString());
    }

    @Test
    void keyFiguresForLatestAreThoseOfTheNewestMonthAndSaySo() {
        String explicit = keyFigures("851", "2062-04").extract().asString();
        String latest = keyFigures("851", "latest")
                .body("period", equalTo("2062-04"))
                .body("granularity", equalTo("MONTH"))
                .body("previousPeriod", equalTo("2061-04"))
                .body("groups.find { it.targetGroup.code == 'dagpenge' }.fullTimePersons", number("240"))
                .extract().asString();
        assertEquals(explicit, latest);
        keyFigures("851", " LATEST-Month ").body("period", equalTo("2062-04"));
    }

    @Test
    void latestQuarterAndYearAreTheNewestWithAnyMonthAndArePartial() {
        String dagpenge = "groups.find { it.targetGroup.code == 'dagpenge' }.";
        // 2062Q2 has April only: 240.
        keyFigures("851", "latest-quarter")
                .body("period", equalTo("2062Q2"))
                .body("granularity", equalTo("QUARTER"))
                .body(dagpenge + "fullTimePersons", number("240"))
                .body(dagpenge + "completeness.monthsPresent", equalTo(1))
                .body(dagpenge + "completeness.monthsExpected", equalTo(3))
                .body(dagpenge + "completeness.partial", equalTo(true));
        // 2062: January-April, (210 + 220 + 230 + 240) / 4 = 225.
        keyFigures("851", "latest-year")
                .body("period", equalTo("2062"))
                .body("granularity", equalTo("YEAR"))
                .body(dagpenge + "fullTimePersons", number("225"))
                .body(dagpenge + "completeness.monthsPresent", equalTo(4))
                .body(dagpenge + "completeness.partial", equalTo(true));
    }

    @Test
    void comparisonResolvesLatestForTheAreaCompared() {
        given().queryParam("targetGroup", "dagpenge").queryParam("period", "latest")
                .when().get("/api/v1/areas/851/comparison")
                .then().statusCode(200)
                .body("period", equalTo("2062-04"))
                .body("rows[0].areaCode", equalTo("851"));
    }

    @Test
    void rankingResolvesLatestAmongAllAreas() {
        importCsv("area,target_group,measure,period,value\n461,dagpenge,full-time-persons,2198-05,7\n");

        String explicit = ranking("2198-05").extract().asString();
        String latest = ranking("latest")
                .body("period", equalTo("2198-05"))
                .body("granularity", equalTo("MONTH"))
                .body("rows[0].areaCode", equalTo("461"))
                .extract().asString();
        assertEquals(explicit, latest);
    }

    @Test
    void annualReportForYearLatestEndsWithTheLatestYear() {
        String explicit = annual("851", "2062").extract().asString();
        String latest = annual("851", "latest")
                .body("year", equalTo(2062))
                .body("years", contains("2060", "2061", "2062"))
                .extract().asString();
        assertEquals(explicit, latest);
        annual("851", "latest-year").body("year", equalTo(2062));
        given().queryParam("year", "latest-month").when().get("/api/v1/areas/851/reports/annual")
                .then().statusCode(400).body("detail", containsString("must be a year"))
                .body("detail", containsString("not latest-month"));
    }

    @Test
    void quarterlyReportForLatestIsTheLatestQuarter() {
        String explicit = quarterly("851", "2062Q2").extract().asString();
        String latest = quarterly("851", "latest")
                .body("quarter", equalTo("2062Q2"))
                .body("previousQuarter", equalTo("2062Q1"))
                .body("rows.find { it.targetGroup.code == 'dagpenge' }.completeness.monthsPresent", equalTo(1))
                .extract().asString();
        assertEquals(explicit, latest);
        quarterly("851", "LATEST-QUARTER").body("quarter", equalTo("2062Q2"));
        given().when().get("/api/v1/areas/851/reports/quarterly/latest-year")
                .then().statusCode(400).body("detail", containsString("must be written like 2018Q4"));
    }

    @Test
    void seriesTakesLatestAtItsGranularity() {
        series(Map.of("from", "latest", "granularity", "quarter")).body("points.period", contains("2062Q2"));
        series(Map.of("from", "latest", "granularity", "year")).body("points.period", contains("2062"));
        series(Map.of("from", "latest")).body("points.period", contains("2062-04"));
        series(Map.of("from", "latest-year", "to", "latest-month"))
                .body("points.period", contains("2062-01", "2062-02", "2062-03", "2062-04"));
        series(Map.of("from", "2061-11", "to", "latest-quarter", "granularity", "month"))
                .body("points.period", contains("2061-11", "2061-12", "2062-01", "2062-02", "2062-03", "2062-04"));
        // The population of 851 has no values: latest in its series names nothing.
        given().queryParam("area", "851").queryParam("measure", "population-16-66").queryParam("to", "latest")
                .when().get("/api/v1/series")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No data are stored for the series of area 851 and measure "
                        + "population-16-66, so there is no latest period."));
    }

    @Test
    void latestFollowsTheRevisionReadAndTheTagFollowsTheData() {
        String before = given().queryParam("period", "latest").when().get(KEY_FIGURES, "851")
                .then().statusCode(200).body("period", equalTo("2062-04")).extract().header("ETag");
        importCsv("area,target_group,measure,period,value\n851,dagpenge,full-time-persons,2062-05,250\n");

        String after = given().header("If-None-Match", before).queryParam("period", "latest")
                .when().get(KEY_FIGURES, "851")
                .then().statusCode(200).body("period", equalTo("2062-05")).extract().header("ETag");
        assertNotEquals(before, after);
        given().queryParam("period", "latest").queryParam("asOf", firstImport).when().get(KEY_FIGURES, "851")
                .then().statusCode(200).body("period", equalTo("2062-04"));
    }

    @Test
    void aClusterTakesTheNewestPeriodOfItsMembers() {
        Fixtures.given().contentType("application/json")
                .body(Map.of("code", "senestetest", "name", "Senestetest", "members", List.of("751", "851")))
                .when().post("/api/v1/clusters").then().statusCode(201);
        try {
            keyFigures("senestetest", "latest").body("period", equalTo("2062-04"));
        } finally {
            Fixtures.given().delete("/api/v1/clusters/senestetest").then().statusCode(204);
        }
    }

    @Test
    void latestWhereNothingIsStoredIsA404() {
        given().queryParam("period", "latest").when().get(KEY_FIGURES, "751")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No data are stored for area 751, so there is no latest period."));
        given().queryParam("year", "latest").when().get("/api/v1/areas/751/reports/annual")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No data are stored for area 751, so there is no latest period."));
        given().when().get("/api/v1/areas/751/reports/quarterly/latest")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("targetGroup", "dagpenge").queryParam("period", "latest")
                .when().get("/api/v1/areas/751/comparison")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("period", "latest").when().get(KEY_FIGURES, "999")
                .then().statusCode(404).body("detail", equalTo("There is no area with code 999."));
    }

    @Test
    void latestMonthWhereOnlyYearsAreStoredIsA404ThatSaysSo() {
        importCsv("area,target_group,measure,period,value\n751,dagpenge,full-time-persons,2063,50\n");

        keyFigures("751", "latest").body("period", equalTo("2063"));
        given().queryParam("period", "latest-month").when().get(KEY_FIGURES, "751")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No monthly data are stored for area 751, so there is no latest month."));
        given().when().get("/api/v1/areas/751/reports/quarterly/latest")
                .then().statusCode(404)
                .body("detail", equalTo("No monthly or quarterly data are stored for area 751, so there is no "
                        + "latest quarter."));
    }

    @Test
    void aWordThatIsNeitherAPeriodNorLatestIsA400ThatMentionsLatest() {
        given().queryParam("period", "newest").when().get(KEY_FIGURES, "851")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The parameter 'period' is invalid: 'newest' is not a period; use "
                        + Period.ACCEPTED_FORMS + ", or latest for the newest period stored (or latest-month, "
                        + "latest-quarter, latest-year)."));
        given().queryParam("targetGroup", "dagpenge").queryParam("period", "newest").when().get("/api/v1/rankings")
                .then().statusCode(400).body("detail", containsString("or latest"));
        given().queryParam("area", "851").queryParam("targetGroup", "dagpenge").queryParam("to", "latest:1")
                .when().get("/api/v1/series")
                .then().statusCode(400).body("detail", containsString("or latest"));
    }

    private static ValidatableResponse keyFigures(String area, String period) {
        return given().config(Fixtures.EXACT_NUMBERS).queryParam("period", period).when().get(KEY_FIGURES, area)
                .then().statusCode(200);
    }

    private static ValidatableResponse ranking(String period) {
        return given().queryParam("targetGroup", "dagpenge").queryParam("period", period).queryParam("by",
                "full-time-persons").queryParam("order", "desc").queryParam("limit", "3")
                .when().get("/api/v1/rankings").then().statusCode(200);
    }

    private static ValidatableResponse annual(String area, String year) {
        return given().queryParam("year", year).when().get("/api/v1/areas/" + area + "/reports/annual")
                .then().statusCode(200);
    }

    private static ValidatableResponse quarterly(String area, String quarter) {
        return given().when().get("/api/v1/areas/" + area + "/reports/quarterly/" + quarter).then().statusCode(200);
    }

    private static ValidatableResponse series(Map<String, String> query) {
        return given().queryParam("area", "851").queryParam("targetGroup", "dagpenge").queryParams(query)
                .when().get("/api/v1/series").then().statusCode(200);
    }
}
