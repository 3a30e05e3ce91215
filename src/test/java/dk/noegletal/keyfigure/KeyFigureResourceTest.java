package dk.noegletal.keyfigure;

import static dk.noegletal.Fixtures.number;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dk.noegletal.Fixtures;
import dk.noegletal.ImportingTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key figures from monthly data the tests import themselves (years 2031-2036, which no demo data touches). */
@QuarkusTest
class KeyFigureResourceTest extends ImportingTest {

    /** 2031: all twelve months 100, 110, ..., 210 (average 155). 2032: January to November 200, 210, ..., 300. */
    private static String monthlyDagpenge() {
        StringBuilder csv = new StringBuilder("area,target_group,measure,period,value\n");
        for (int month = 1; month <= 12; month++) {
            csv.append("101,dagpenge,full-time-persons,2031-%02d,%d\n".formatted(month, 90 + 10 * month));
        }
        for (int month = 1; month <= 11; month++) {
            csv.append("101,dagpenge,full-time-persons,2032-%02d,%d\n".formatted(month, 190 + 10 * month));
        }
        return csv.toString();
    }

    @Test
    void yearIsTheAverageOfItsTwelveMonths() {
        importCsv(monthlyDagpenge());

        keyFigures("101", "2031", "dagpenge")
                .body("groups[0].fullTimePersons", number("155"))
                .body("groups[0].completeness.monthsPresent", equalTo(12))
                .body("groups[0].completeness.monthsExpected", equalTo(12))
                .body("groups[0].completeness.basis", equalTo("months"))
                .body("groups[0].completeness.partial", equalTo(false))
                .body("groups[0].notes.reason", hasItem("no-previous-value"));
    }

    @Test
    void partialYearIsFlaggedAndComparedWithTheSameMonthsAYearEarlier() {
        importCsv(monthlyDagpenge());

        // 2032: (200 + ... + 300) / 11 = 250. 2031 January-November: (100 + ... + 200) / 11 = 150, not 155.
        keyFigures("101", "2032", "dagpenge")
                .body("groups[0].fullTimePersons", number("250"))
                .body("groups[0].previousYear", number("150"))
                .body("groups[0].change.absolute", number("100"))
                .body("groups[0].change.percent", number("66.666666666666666667"))
                .body("groups[0].completeness.monthsPresent", equalTo(11))
                .body("groups[0].completeness.partial", equalTo(true))
                .body("groups[0].notes.find { it.reason == 'partial-period' }.message",
                        containsString("11 of 12 months"));
    }

    @Test
    void quarterIsTheAverageOfItsMonths() {
        importCsv(monthlyDagpenge());

        // 2031Q4: (190 + 200 + 210) / 3 = 200. 2032Q4 has October and November only: (290 + 300) / 2 = 295.
        keyFigures("101", "2031Q4", "dagpenge")
                .body("groups[0].fullTimePersons", number("200"))
                .body("groups[0].completeness.monthsPresent", equalTo(3));
        keyFigures("101", "2032Q04", "dagpenge")
                .body("groups[0].fullTimePersons", number("295"))
                .body("groups[0].previousYear", number("195"))
                .body("groups[0].completeness.monthsPresent", equalTo(2))
                .body("groups[0].completeness.monthsExpected", equalTo(3));
        keyFigures("101", "2032-11", "dagpenge")
                .body("groups[0].fullTimePersons", number("300"))
                .body("groups[0].previousYear", number("200"));
    }

    @Test
    void seriesGivesAveragesAtAGranularityWithCompleteness() {
        importCsv(monthlyDagpenge());

        given().config(Fixtures.EXACT_NUMBERS)
                .queryParam("area", "101").queryParam("targetGroup", "dagpenge").queryParam("granularity", "year")
                .when().get("/api/v1/series")
                .then().statusCode(200)
                .body("points.period", contains("2031", "2032"))
                .body("points.value", contains(number("155"), number("250")))
                .body("points.completeness.monthsPresent", contains(12, 11))
                .body("points.completeness.partial", contains(false, true));
        given().queryParam("area", "101").queryParam("targetGroup", "dagpenge").queryParam("granularity", "quarter")
                .queryParam("from", "2032")
                .when().get("/api/v1/series")
                .then().statusCode(200)
                .body("points.period", contains("2032Q1", "2032Q2", "2032Q3", "2032Q4"))
                .body("points[3].completeness.monthsPresent", equalTo(2));
        given().queryParam("area", "101").queryParam("targetGroup", "dagpenge").queryParam("granularity", "decade")
                .when().get("/api/v1/series")
                .then().statusCode(400).body("detail", containsString("use month, quarter or year"));
    }

    @Test
    void nationalShareFallsBackToTheSumOfAllMunicipalitiesOnlyWhenAllArePresent() {
        List<String> municipalities = given().queryParam("type", "MUNICIPALITY").when().get("/api/v1/areas")
                .then().extract().jsonPath().getList("code");
        StringBuilder csv = new StringBuilder("area,target_group,measure,period,value\n");
        for (String code : municipalities) {
            // sygedagpenge: every municipality 10 (sum 980); ledighedsydelse: all but the last one.
            csv.append(code).append(",sygedagpenge,full-time-persons,2033-01,10\n");
            if (!code.equals(municipalities.get(municipalities.size() - 1))) {
                csv.append(code).append(",ledighedsydelse,full-time-persons,2033-01,10\n");
            }
        }
        importCsv(csv.toString());

        // 10 / 980 × 100 = 1.0204081632653061224...
        keyFigures("101", "2033-01", "sygedagpenge")
                .body("groups[0].nationalShare.source", equalTo("sum-of-municipalities"))
                .body("groups[0].nationalShare.value", number("1.0204081632653061224"));
        keyFigures("101", "2033-01", "ledighedsydelse")
                .body("groups[0].nationalShare.value", nullValue())
                .body("groups[0].nationalShare.source", nullValue())
                .body("groups[0].notes.find { it.field == 'nationalShare.value' }.reason",
                        equalTo("no-national-figure"));

        importCsv("area,target_group,measure,period,value\n000,sygedagpenge,full-time-persons,2033-01,1000\n");
        keyFigures("101", "2033-01", "sygedagpenge")
                .body("groups[0].nationalShare.source", equalTo("country"))
                .body("groups[0].nationalShare.value", number("1"));
    }

    @Test
    void shareOfPopulationAndItsChangeInPercentagePoints() {
        importCsv("""
                area,target_group,measure,period,value
                101,kontanthjaelp,full-time-persons,2034,4900
                101,kontanthjaelp,full-time-persons,2035,4800
                101,,population-16-66,2034,490000
                101,,population-16-66,2035,500000
                000,kontanthjaelp,full-time-persons,2034,49000
                000,kontanthjaelp,full-time-persons,2035,50000
                """);

        // Share of population 1.00 % -> 0.96 %: -0.04 pp. National share 10 % -> 9.6 %: -0.4 pp, -4 %.
        keyFigures("101", "2035", "kontanthjaelp")
                .body("groups[0].shareOfPopulation.value", number("0.96"))
                .body("groups[0].shareOfPopulation.previousYear", number("1"))
                .body("groups[0].shareOfPopulation.changePp", number("-0.04"))
                .body("groups[0].nationalShare.value", number("9.6"))
                .body("groups[0].nationalShare.previousYear", number("10"))
                .body("groups[0].nationalShare.changePp", number("-0.4"))
                .body("groups[0].nationalShare.changePercent", number("-4"));
        // A quarter takes the year's population: 4800 / 500000 = 0.96 % when only the annual value is stored.
        importCsv("area,target_group,measure,period,value\n101,kontanthjaelp,full-time-persons,2035Q2,4800\n");
        keyFigures("101", "2035Q2", "kontanthjaelp").body("groups[0].shareOfPopulation.value", number("0.96"));
    }

    @Test
    void quarterWithOnlyAnnualValuesIsNotInvented() {
        keyFigures("157", "2018Q4", "dagpenge")
                .body("groups[0].fullTimePersons", nullValue())
                .body("groups[0].completeness.basis", equalTo("none"))
                .body("groups[0].notes.find { it.field == 'fullTimePersons' }.reason", equalTo("no-data"));
    }

    @Test
    void rejectsBadParameters() {
        given().when().get("/api/v1/areas/157/key-figures?period=2018Q5")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("2018-12, 2018M12, 2018Q4, 2018Q04 or 2018"))
                .body("detail", containsString("quarter 5"));
        given().when().get("/api/v1/areas/157/key-figures?period=sidste-aar")
                .then().statusCode(400).body("detail", containsString("2018-12, 2018M12, 2018Q4, 2018Q04 or 2018"));
        given().when().get("/api/v1/areas/157/key-figures")
                .then().statusCode(400).body("detail", containsString("'period' is required"));
        given().when().get("/api/v1/areas/999/key-figures?period=2018")
                .then().statusCode(404).body("detail", equalTo("There is no area with code 999."));
        given().when().get("/api/v1/areas/157/key-figures?period=2018&targetGroup=boligstoette")
                .then().statusCode(404).body("detail", equalTo("There is no target group with code boligstoette."));
    }

    @Test
    void narrowsToOneGroupOrTheTotal() {
        keyFigures("157", "2018", "i-alt")
                .body("groups", hasSize(1))
                .body("groups[0].targetGroup.code", equalTo("i-alt"))
                .body("groups[0].fullTimePersons", number("3999"));
    }

    @Test
    void oneGroupsFiguresAreItsRowAmongAllGroupsFromTheImportOfItsOwnValues() {
        long first = importCsv("area,target_group,measure,period,value\n"
                + "101,dagpenge,full-time-persons,2035,40\n000,dagpenge,full-time-persons,2035,800\n"
                + "101,dagpenge,full-time-persons,2036,50\n000,dagpenge,full-time-persons,2036,1000\n");
        long second = importCsv("area,target_group,measure,period,value\n"
                + "101,sygedagpenge,full-time-persons,2036,30\n000,sygedagpenge,full-time-persons,2036,600\n");

        String dagpenge = "groups.find { it.targetGroup.code == 'dagpenge' }";
        Object all = given().config(Fixtures.EXACT_NUMBERS).queryParam("period", "2036")
                .when().get("/api/v1/areas/101/key-figures").then().statusCode(200)
                .body("dataRevision", equalTo((int) second))
                .extract().path(dagpenge);
        keyFigures("101", "2036", "dagpenge")
                .body("groups", hasSize(1))
                .body("groups[0]", equalTo(all))
                .body("groups[0].fullTimePersons", number("50"))
                .body("groups[0].change.percent", number("25"))
                .body("groups[0].nationalShare.value", number("5"))
                .body("dataRevision", equalTo((int) first));
        keyFigures("101", "2036", "i-alt")
                .body("groups", hasSize(1))
                .body("groups[0].targetGroup.code", equalTo("i-alt"))
                .body("dataRevision", equalTo((int) second));
    }

    private static ValidatableResponse keyFigures(String area, String period, String group) {
        return given().config(Fixtures.EXACT_NUMBERS).queryParam("period", period).queryParam("targetGroup", group)
                .when().get("/api/v1/areas/" + area + "/key-figures")
                .then().statusCode(200);
    }

}
