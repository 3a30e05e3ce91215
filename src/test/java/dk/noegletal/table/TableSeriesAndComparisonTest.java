package dk.noegletal.table;

import static dk.noegletal.Fixtures.number;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.noegletal.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Series and comparisons of any table, on the demo's real kontanthjælp table (Jobindsats y60a02: the country and the
 * 98 municipalities, monthly 2021M08-2026M07). Every expected number was computed from
 * src/main/resources/demo/jobindsats-v3-y60a02-kontanthjaelp-2021M08-2026M07.json with a short Python script
 * (Decimal, 20 significant digits, half up, as Figure.PRECISION), the region's municipalities taken from
 * V2__catalogue.sql.
 */
@QuarkusTest
class TableSeriesAndComparisonTest {

    private static final String GENTOFTE = "/api/v1/areas/157/tables/y60a02/";
    private static final String HOVEDSTADEN = "/api/v1/areas/1084/tables/y60a02/";
    private static final String FULL_TIME = "antal-fuldtidspersoner";
    private static final String RATIO = "fuldtidspersoner-i-pct-af-befolkningen-16-66-aar";

    private static RequestSpecification exact() {
        return RestAssured.given().config(Fixtures.EXACT_NUMBERS);
    }

    @Test
    void gentoftesMonthlyFullTimePersonsOf2026() {
        // "Antal fuldtidspersoner" of Gentofte, 2026M01-2026M07 as Jobindsats gives them.
        exact().when().get(GENTOFTE + "series?measure=" + FULL_TIME + "&granularity=month&from=2026&to=latest")
                .then().statusCode(200)
                .body("area.code", equalTo("157"))
                .body("table.id", equalTo("y60a02"))
                .body("measure.kind", equalTo("stock"))
                .body("members", hasSize(0))
                .body("granularity", equalTo("MONTH"))
                .body("from", equalTo("2026"))
                .body("to", equalTo("2026-07"))
                .body("valueSource", equalTo("own"))
                .body("points", hasSize(7))
                .body("points.period", contains("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
                        "2026-07"))
                .body("points.value", contains(number("573"), number("580"), number("590"), number("599"),
                        number("607"), number("583"), number("558")))
                .body("points.completeness.basis", everyItem(equalTo("as-imported")))
                .body("points.notes", everyItem(hasSize(0)));
    }

    @Test
    void aYearOfFullTimePersonsIsTheAverageOfItsMonthsAndOfHeadCountsNone() {
        // Gentofte 2025M01-2025M12: 527 + 530 + 531 + 540 + 542 + 548 + 552 + 542 + 513 + 514 + 535 + 562 = 6436;
        // 6436 / 12 = 536.33333333333333333.
        exact().when().get(GENTOFTE + "series?measure=" + FULL_TIME + "&granularity=year&from=2025&to=2025")
                .then().statusCode(200)
                .body("points", hasSize(1))
                .body("points[0].period", equalTo("2025"))
                .body("points[0].value", number("536.33333333333333333"))
                .body("points[0].completeness.monthsPresent", equalTo(12))
                .body("points[0].completeness.basis", equalTo("months"))
                .body("points[0].completeness.partial", equalTo(false));
        // A person on kontanthjælp in two months is one person in the year: no 2025 value is made of the months.
        exact().when().get(GENTOFTE + "series?measure=antal-personer&granularity=year&from=2025&to=2025")
                .then().statusCode(200)
                .body("measure.kind", equalTo("head-count"))
                .body("points", hasSize(1))
                .body("points[0].value", nullValue())
                .body("points[0].notes[0].field", equalTo("value"))
                .body("points[0].notes[0].reason", equalTo("no-period-rule"));
    }

    @Test
    void theLatestYearIsPartialAndSaysSo() {
        // 2026M01-2026M07: (573 + 580 + 590 + 599 + 607 + 583 + 558) / 7 = 4090 / 7 = 584.28571428571428571.
        exact().when().get(GENTOFTE + "series?measure=" + FULL_TIME + "&granularity=year&from=latest-year")
                .then().statusCode(200)
                .body("from", equalTo("2026"))
                .body("points", hasSize(1))
                .body("points[0].value", number("584.28571428571428571"))
                .body("points[0].completeness.monthsPresent", equalTo(7))
                .body("points[0].completeness.partial", equalTo(true))
                .body("points[0].notes.reason", hasItem("partial-period"));
    }

    @Test
    void withoutGranularityTheStoredMonthsAreThePoints() {
        exact().when().get(GENTOFTE + "series?measure=" + FULL_TIME)
                .then().statusCode(200)
                .body("granularity", nullValue())
                .body("points", hasSize(60))
                .body("points[0].period", equalTo("2021-08"))
                .body("points[0].value", number("613"))
                .body("points[59].period", equalTo("2026-07"));
    }

    @Test
    void regionHovedstadenIsTheSumOfItsTwentyNineMunicipalities() {
        // The 29 municipalities of Region Hovedstaden (1084), summed month by month.
        exact().when().get(HOVEDSTADEN + "series?measure=" + FULL_TIME + "&granularity=month&from=2026-01&to=2026-07")
                .then().statusCode(200)
                .body("valueSource", equalTo("sum-of-municipalities"))
                .body("points.value", contains(number("22746"), number("23088"), number("23312"), number("23261"),
                        number("23196"), number("22921"), number("22030")));
        // Their 2025 monthly sums add up to 272170; / 12 = 22680.833333333333333.
        exact().when().get(HOVEDSTADEN + "series?measure=" + FULL_TIME + "&granularity=year&from=2025&to=2025")
                .then().statusCode(200)
                .body("points[0].value", number("22680.833333333333333"));
    }

    @Test
    void aRatioIsNotSummedOverARegion() {
        exact().when().get(HOVEDSTADEN + "series?measure=" + RATIO + "&granularity=month&from=2026-06&to=2026-07")
                .then().statusCode(200)
                .body("measure.kind", equalTo("ratio"))
                .body("valueSource", nullValue())
                .body("points", hasSize(2))
                .body("points.value", everyItem(nullValue()))
                .body("points[0].notes[0].reason", equalTo("not-additive"));
    }

    @Test
    void gentofteBesideItsRegionAndTheCountry() {
        // 2026M07 against 2025M07: Gentofte 558 and 552 (+6, 600 / 552 = +1.0869565217391304348 %); the region's 29
        // municipalities 22030 and 22189 (-159, -0.71657127405471179413 %); the country ("Hele landet") 83581 and
        // 82643 (+938, +1.1350023595464830657 %). Gentofte's change is 1.80352779579384222893 pp above the region's
        // (higher, beyond 1 pp) and 0.0480458378073526309 pp below the country's (on level).
        exact().when().get(GENTOFTE + "comparison?measure=" + FULL_TIME + "&period=2026-07")
                .then().statusCode(200)
                .body("area.code", equalTo("157"))
                .body("period", equalTo("2026-07"))
                .body("previousPeriod", equalTo("2025-07"))
                .body("tolerancePp", number("1.0"))
                .body("rows.role", contains("area", "comparison", "comparison"))
                .body("rows.with", contains(nullValue(), equalTo("region"), equalTo("country")))
                .body("rows.areaCode", contains("157", "1084", "000"))
                .body("rows[0].value", number("558"))
                .body("rows[0].previousYear", number("552"))
                .body("rows[0].changeAbsolute", number("6"))
                .body("rows[0].changePercent", number("1.0869565217391304348"))
                .body("rows[0].classification", nullValue())
                .body("rows[1].value", number("22030"))
                .body("rows[1].previousYear", number("22189"))
                .body("rows[1].changeAbsolute", number("-159"))
                .body("rows[1].changePercent", number("-0.71657127405471179413"))
                .body("rows[1].valueSource", equalTo("sum-of-municipalities"))
                .body("rows[1].changeDifferencePp", number("1.80352779579384222893"))
                .body("rows[1].classification", equalTo("higher"))
                .body("rows[2].value", number("83581"))
                .body("rows[2].previousYear", number("82643"))
                .body("rows[2].changePercent", number("1.1350023595464830657"))
                .body("rows[2].valueSource", equalTo("own"))
                .body("rows[2].changeDifferencePp", number("-0.0480458378073526309"))
                .body("rows[2].classification", equalTo("on level"))
                .body("skipped", hasSize(0));
        // With a tolerance of 2 pp, the region is on level too.
        exact().when().get(GENTOFTE + "comparison?measure=" + FULL_TIME + "&period=2026-07&tolerancePp=2")
                .then().statusCode(200)
                .body("rows[1].classification", equalTo("on level"));
    }

    @Test
    void aRatiosRegionIsNotAdditiveWhileTheCountrysOwnValueCounts() {
        // "Fuldtidspersoner i pct. af befolkningen 16-66 år": Gentofte 1.2 in 2025M07 and 2026M07, Hele landet 2.1 in
        // both; the region has no value of its own and a percentage is not summed.
        exact().when().get(GENTOFTE + "comparison?measure=" + RATIO + "&period=2026-07")
                .then().statusCode(200)
                .body("rows[0].value", number("1.2"))
                .body("rows[0].changePercent", number("0"))
                .body("rows[1].areaCode", equalTo("1084"))
                .body("rows[1].value", nullValue())
                .body("rows[1].valueSource", nullValue())
                .body("rows[1].classification", nullValue())
                .body("rows[1].notes.find { it.field == 'value' }.reason", equalTo("not-additive"))
                .body("rows[1].notes.find { it.field == 'classification' }.message",
                        containsString("Region Hovedstaden"))
                .body("rows[2].value", number("2.1"))
                .body("rows[2].valueSource", equalTo("own"))
                .body("rows[2].classification", equalTo("on level"));
    }

    @Test
    void aClusterIsComparedAndARegionHasNoRegion() {
        Fixtures.given().contentType("application/json")
                .body(Map.of("code", "tabelklynge", "name", "Gentofte og naboer", "members",
                        List.of("157", "173", "230")))
                .when().post("/api/v1/clusters").then().statusCode(201);
        try {
            // 2026M07 against 2025M07: Gentofte 558 and 552, Lyngby-Taarbæk 520 and 518, Rudersdal 362 and 330; the
            // cluster 1440 and 1400 (+2.8571428571428571429 %), 1.7701863354037267081 pp above Gentofte's change.
            exact().when().get(GENTOFTE + "comparison?measure=" + FULL_TIME + "&period=2026-07&cluster=tabelklynge")
                    .then().statusCode(200)
                    .body("rows.with", contains(nullValue(), equalTo("region"), equalTo("country"),
                            equalTo("cluster:tabelklynge")))
                    .body("rows[3].valueSource", equalTo("sum-of-members"))
                    .body("rows[3].value", number("1440"))
                    .body("rows[3].previousYear", number("1400"))
                    .body("rows[3].changePercent", number("2.8571428571428571429"))
                    .body("rows[3].changeDifferencePp", number("-1.7701863354037267081"))
                    .body("rows[3].classification", equalTo("lower"));
            exact().when().get(HOVEDSTADEN + "comparison?measure=" + FULL_TIME + "&period=2026-07")
                    .then().statusCode(200)
                    .body("rows.areaCode", contains("1084", "000"))
                    .body("skipped[0].with", equalTo("region"))
                    .body("skipped[0].message", containsString("a region"));
        } finally {
            Fixtures.given().when().delete("/api/v1/clusters/tabelklynge").then().statusCode(204);
        }
    }

    @Test
    void badParametersAreProblems() {
        RestAssured.when().get(GENTOFTE + "series?granularity=week").then().statusCode(400)
                .body("detail", containsString("granularity"));
        RestAssured.when().get(GENTOFTE + "series?from=2026&to=2025").then().statusCode(400)
                .body("detail", containsString("'from'"));
        RestAssured.when().get(GENTOFTE + "series?from=latest-week").then().statusCode(400)
                .body("detail", containsString("'from'"));
        RestAssured.when().get(GENTOFTE + "series?member=ydelse:i-alt").then().statusCode(400);
        RestAssured.when().get("/api/v1/areas/999/tables/y60a02/series").then().statusCode(404);
        RestAssured.when().get(GENTOFTE + "comparison").then().statusCode(400)
                .body("detail", containsString("'period'"));
        RestAssured.when().get(GENTOFTE + "comparison?period=2026-07&tolerancePp=-1").then().statusCode(400);
        RestAssured.when().get(GENTOFTE + "comparison?period=2026-07&cluster=ingen").then().statusCode(404);
        RestAssured.when().get("/api/v1/areas/157/tables/ingen/comparison?period=2026-07").then().statusCode(404);
    }

    @Test
    void bothAnswerCsvWithAHeader() {
        String series = RestAssured.given().accept("text/csv")
                .when().get(GENTOFTE + "series?measure=" + FULL_TIME + "&granularity=month&from=2026-06&to=2026-07")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("table-series-y60a02-157-antal-fuldtidspersoner-month"))
                .extract().asString();
        String[] lines = series.split("\r?\n");
        assertTrue(lines[0].startsWith("area_code,area_name,table,measure,members,period,granularity,value,"),
                lines[0]);
        assertTrue(lines[1].startsWith("157,Gentofte,y60a02,antal-fuldtidspersoner,,2026-06,MONTH,583,"), lines[1]);
        String comparison = RestAssured.given().accept("text/csv")
                .when().get(GENTOFTE + "comparison?measure=" + FULL_TIME + "&period=2026-07")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        lines = comparison.split("\r?\n");
        assertTrue(lines[0].startsWith("table,measure,members,period,previous_period,tolerance_pp,role,with,"
                + "area_code,area_name,area_type,value,"), lines[0]);
        assertEquals(4, lines.length, comparison);
    }
}
