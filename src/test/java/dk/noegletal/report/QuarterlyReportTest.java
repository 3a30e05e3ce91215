package dk.noegletal.report;

import static dk.noegletal.Fixtures.number;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dk.noegletal.Fixtures;
import dk.noegletal.ImportingTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Quarterly reports from monthly data covering 2038 and 2039: København (101), its region Hovedstaden (1084) and
 * the country. 2038 is flat; in 2039 København's dagpenge rise quarter by quarter.
 */
@QuarkusTest
class QuarterlyReportTest extends ImportingTest {

    private long imported;

    @BeforeEach
    void importTwoYearsOfMonths() {
        StringBuilder csv = new StringBuilder("area,target_group,measure,period,value\n");
        for (int month = 1; month <= 12; month++) {
            int quarter = (month - 1) / 3 + 1;
            csv.append("101,dagpenge,full-time-persons,2038-%02d,100\n".formatted(month));
            csv.append("1084,dagpenge,full-time-persons,2038-%02d,1000\n".formatted(month));
            csv.append("000,dagpenge,full-time-persons,2038-%02d,10000\n".formatted(month));
            // 2039: København 110, 120, 130, 140 by quarter; the region 1200 and the country 10500 all year.
            csv.append("101,dagpenge,full-time-persons,2039-%02d,%d\n".formatted(month, 100 + 10 * quarter));
            csv.append("1084,dagpenge,full-time-persons,2039-%02d,1200\n".formatted(month));
            csv.append("000,dagpenge,full-time-persons,2039-%02d,10500\n".formatted(month));
        }
        csv.append("101,,population-16-66,2038,400000\n101,,population-16-66,2039,420000\n");
        imported = importCsv(csv.toString());
    }

    @Test
    void reportsTheQuarterAgainstLastYearAndThePreviousQuarter() {
        ValidatableResponse report = quarterly("101", "2039Q4", "")
                .body("quarter", equalTo("2039Q4"))
                .body("sameQuarterLastYear", equalTo("2038Q4"))
                .body("previousQuarter", equalTo("2039Q3"))
                .body("comparedWith.code", contains("1084", "000"))
                .body("dataRevision", equalTo((int) imported))
                .body("dataRevisionImportedAt", notNullValue())
                .body("notice", nullValue())
                .body("rows[-1].targetGroup.code", equalTo("i-alt"));
        String dagpenge = "rows.find { it.targetGroup.code == 'dagpenge' }.";
        report.body(dagpenge + "fullTimePersons", number("140"))
                .body(dagpenge + "completeness.monthsPresent", equalTo(3))
                .body(dagpenge + "onYear.previous", number("100"))
                .body(dagpenge + "onYear.absolute", number("40"))
                .body(dagpenge + "onYear.percent", number("40"))
                // 140 against 130: +10, 7.6923...%
                .body(dagpenge + "onQuarter.previous", number("130"))
                .body(dagpenge + "onQuarter.absolute", number("10"))
                .body(dagpenge + "onQuarter.percent", number("7.6923076923076923077"))
                // 140 / 10500 = 1.3333 % against 100 / 10000 = 1 %
                .body(dagpenge + "nationalShare.value", number("1.3333333333333333333"))
                .body(dagpenge + "nationalShare.changePp", number("0.3333333333333333333"))
                // 140 / 420000 × 100
                .body(dagpenge + "shareOfPopulation.value", number("0.033333333333333333333"))
                // region +20 %, country +5 %: København's +40 % is higher than both
                .body(dagpenge + "comparisons.area.code", contains("1084", "000"))
                .body(dagpenge + "comparisons.changePercent", contains(number("20"), number("5")))
                .body(dagpenge + "comparisons.differencePp", contains(number("20"), number("35")))
                .body(dagpenge + "comparisons.classification", contains("higher", "higher"));
    }

    @Test
    void classifiesUnderTheGivenTolerance() {
        quarterly("101", "2039Q4", "?tolerancePp=25")
                .body("tolerancePp", number("25"))
                .body("rows.find { it.targetGroup.code == 'dagpenge' }.comparisons.classification",
                        contains("on level", "higher"));
        // 2039Q1: København +10 %, the region +20 %: lower by 10 pp.
        quarterly("101", "2039Q1", "")
                .body("rows.find { it.targetGroup.code == 'dagpenge' }.comparisons[0].classification",
                        equalTo("lower"));
    }

    @Test
    void groupsWithoutDataSayWhy() {
        quarterly("101", "2039Q4", "")
                .body("rows.find { it.targetGroup.code == 'sygedagpenge' }.fullTimePersons", nullValue())
                .body("rows.find { it.targetGroup.code == 'sygedagpenge' }.notes.find { it.field == "
                        + "'fullTimePersons' }.reason", equalTo("no-data"));
    }

    @Test
    void saysSoWhenOnlyAnnualValuesExist() {
        quarterly("157", "2018Q4", "")
                .body("notice", containsString("Only annual values are stored for 2018"))
                .body("rows.find { it.targetGroup.code == 'dagpenge' }.fullTimePersons", nullValue());
    }

    @Test
    void saysNothingOfAQuarterWhoseYearHasNoFiguresEither() {
        quarterly("101", "2041Q1", "")
                .body("notice", nullValue())
                .body("rows.find { it.targetGroup.code == 'dagpenge' }.fullTimePersons", nullValue())
                .body("rows.find { it.targetGroup.code == 'dagpenge' }.onQuarter.previous", nullValue());
    }

    @Test
    void rejectsBadParameters() {
        given().when().get("/api/v1/areas/101/reports/quarterly/2039")
                .then().statusCode(400).body("detail", containsString("like 2018Q4"));
        given().when().get("/api/v1/areas/101/reports/quarterly/2039Q5")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/areas/101/reports/quarterly/2039Q4?tolerancePp=-1")
                .then().statusCode(400).body("detail", containsString("tolerancePp"));
        given().when().get("/api/v1/areas/999/reports/quarterly/2039Q4")
                .then().statusCode(404);
    }

    private static ValidatableResponse quarterly(String area, String quarter, String query) {
        return given().config(Fixtures.EXACT_NUMBERS)
                .when().get("/api/v1/areas/" + area + "/reports/quarterly/" + quarter + query)
                .then().statusCode(200);
    }
}
