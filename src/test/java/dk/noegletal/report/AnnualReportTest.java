package dk.noegletal.report;

import static dk.noegletal.Fixtures.number;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.noegletal.Fixtures;
import dk.noegletal.PublishedAppendix;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The annual appendix of the demo data reproduces Gentofte's published målgruppeoversigt 2016-2018. */
@QuarkusTest
class AnnualReportTest {

    @Test
    void reproducesThePublishedAppendix() {
        JsonPath report = given().config(Fixtures.EXACT_NUMBERS)
                .when().get("/api/v1/areas/157/reports/annual?year=2018")
                .then().statusCode(200)
                .body("area.name", equalTo("Gentofte"))
                .body("years", contains("2016", "2017", "2018"))
                .extract().jsonPath();

        List<String> publishedOrder = PublishedAppendix.ROWS.stream().filter(row -> row.get("year").equals("2018"))
                .map(row -> row.get("target_group")).toList();
        assertEquals(publishedOrder, report.getList("rows.targetGroup.code"));

        int compared = 0;
        for (Map<String, String> published : PublishedAppendix.ROWS) {
            String group = published.get("target_group");
            Map<String, Object> cell = report.getMap("rows.find { it.targetGroup.code == '" + group
                    + "' }.years.find { it.year == '" + published.get("year") + "' }");
            String value = published.get("full_time_persons");
            Object ours = cell.get("fullTimePersons");
            if (!PublishedAppendix.isNumber(value)) {
                assertNull(ours, published.toString());
                continue;
            }
            BigDecimal average = new BigDecimal(ours.toString());
            if (group.equals("i-alt")) {
                // "I alt" is the sum of the 11 published (rounded) top-level averages: at most 5.5 off.
                assertTrue(average.subtract(new BigDecimal(value)).abs().doubleValue() <= 5.5, published.toString());
            } else {
                assertEquals(0, new BigDecimal(value).compareTo(average), published.toString());
                assertNationalShare(published, cell);
            }
            assertChange(published, report, cell);
            compared++;
        }
        assertEquals(PublishedAppendix.ROWS.size() - 5, compared); // five cells are suppressed in 2018
    }

    /**
     * National shares equal the published ones to their two decimals (they were the demo's input). "I alt" is left
     * out: its country value is a sum of country values derived from two-decimal shares, each off by up to half a
     * hundredth of a percent of the share, so its share cannot be reproduced to the hundredth.
     */
    private static void assertNationalShare(Map<String, String> published, Map<String, Object> cell) {
        String share = published.get("national_share_pct");
        Object ours = cell.get("nationalShare");
        if (PublishedAppendix.isNumber(share) && new BigDecimal(share).signum() > 0) {
            assertEquals(new BigDecimal(share), new BigDecimal(ours.toString()).setScale(2, RoundingMode.HALF_UP),
                    published.toString());
            assertEquals("country", cell.get("nationalShareSource"));
        } else {
            // A share printed as empty or 0.00 gives no country value to derive, so there is no national figure.
            assertNull(ours, published.toString());
        }
    }

    private static void assertChange(Map<String, String> published, JsonPath report, Map<String, Object> cell) {
        String change = published.get("published_change_pct");
        if (!PublishedAppendix.isNumber(change)) {
            return;
        }
        String group = published.get("target_group");
        Map<String, Object> earlier = report.getMap("rows.find { it.targetGroup.code == '" + group
                + "' }.years.find { it.year == '" + (Integer.parseInt(published.get("year")) - 1) + "' }");
        BigDecimal previous = new BigDecimal(earlier.get("fullTimePersons").toString());
        if (previous.signum() == 0) {
            assertNull(cell.get("changePercent"), published.toString());
            return;
        }
        PublishedAppendix.assertChangeWithinRoundingBound(group, published.get("year"),
                new BigDecimal(cell.get("fullTimePersons").toString()), previous,
                new BigDecimal(cell.get("changePercent").toString()), change);
    }

    @Test
    void firstYearIsComparedWithTheYearBeforeIt() {
        given().when().get("/api/v1/areas/157/reports/annual?year=2017&years=2")
                .then().statusCode(200)
                .body("years", contains("2016", "2017"))
                .body("rows[1].years[0].changePercent", equalTo(null))
                .body("rows[1].years[0].notes.find { it.field == 'changePercent' }.reason",
                        equalTo("no-previous-value"))
                .body("rows[1].years[1].fullTimePersons", number("802"));
    }

    @Test
    void rejectsBadParameters() {
        given().when().get("/api/v1/areas/157/reports/annual")
                .then().statusCode(400).body("detail", containsString("'year' is required"));
        given().when().get("/api/v1/areas/157/reports/annual?year=2018Q4")
                .then().statusCode(400).body("detail", containsString("must be a year"));
        given().when().get("/api/v1/areas/157/reports/annual?year=2018&years=40")
                .then().statusCode(400).body("detail", containsString("from 1 to 10"));
        given().when().get("/api/v1/areas/999/reports/annual?year=2018")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
