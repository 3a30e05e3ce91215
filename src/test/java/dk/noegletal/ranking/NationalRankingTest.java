package dk.noegletal.ranking;

import static dk.noegletal.Fixtures.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.noegletal.Fixtures;
import dk.noegletal.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A ranking of all 98 municipalities, read for all of them at once, shows each municipality the figure its own key
 * figures show, read for it alone. Monthly values for 2045-2046, which no other test uses: each municipality's
 * dagpenge are its code plus the month's number (2045: minus 2), its population 100 × its code; kontanthjælp has no
 * figure of its own, only its jobparate and aktivitetsparate sub-groups (so a sum of incomplete parts).
 */
@QuarkusTest
class NationalRankingTest {

    @Inject
    TestData testData;

    private long before;
    private List<String> municipalities;

    @BeforeEach
    void importEveryMunicipality() {
        before = testData.newestImportId();
        municipalities = given().when().get("/api/v1/areas?type=MUNICIPALITY").then().statusCode(200)
                .extract().jsonPath().getList("code", String.class);
        for (int year : List.of(2045, 2046)) {
            StringBuilder csv = new StringBuilder("area,target_group,measure,period,value\n");
            for (String code : municipalities) {
                int base = Integer.parseInt(code) - (year == 2045 ? 2 : 0);
                for (int month = 1; month <= 12; month++) {
                    String period = year + "-" + (month < 10 ? "0" : "") + month;
                    csv.append(code).append(",dagpenge,full-time-persons,").append(period).append(',')
                            .append(base + month).append('\n');
                    csv.append(code).append(",kontanthjaelp-jobparate,full-time-persons,").append(period)
                            .append(',').append(base).append('\n');
                    csv.append(code).append(",kontanthjaelp-aktivitetsparate,full-time-persons,").append(period)
                            .append(',').append(month).append('\n');
                }
                csv.append(code).append(",,population-16-66,").append(year).append(',')
                        .append(100 * Integer.parseInt(code)).append('\n');
            }
            csv.append("000,dagpenge,full-time-persons,").append(year).append(",100000\n");
            given().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/imports").then().statusCode(201);
        }
    }

    @AfterEach
    void removeOwnData() {
        testData.removeImportsAfter(before);
    }

    @Test
    void ranksAllMunicipalitiesByTheirShareOfThePopulation() {
        JsonPath ranking = ranking("dagpenge", "2046", "share-of-population");

        assertEquals(98, ranking.getInt("areaCount"));
        assertEquals(98, ranking.getInt("rankedCount"));
        // (code + 6.5) / (100 × code) × 100 = 1 + 6.5 / code: the highest code has the lowest share.
        String highest = municipalities.stream().max((a, b) -> Integer.compare(Integer.parseInt(a),
                Integer.parseInt(b))).orElseThrow();
        assertEquals(highest, ranking.getString("rows[0].areaCode"));
        Map<String, Object> gentofte = row(ranking, "157");
        BigDecimal expected = new BigDecimal("163.5").divide(new BigDecimal("157"), MathContext.DECIMAL64);
        assertTrue(expected.subtract(new BigDecimal(gentofte.get("value").toString())).abs()
                .compareTo(new BigDecimal("1e-12")) < 0, () -> "Gentofte's share was " + gentofte.get("value"));
    }

    /** The country has annual values only: the national share of a month is the sum over the municipalities. */
    @ParameterizedTest
    @CsvSource({"dagpenge, 2046Q3, change-percent", "dagpenge, 2046-05, national-share",
            "kontanthjaelp, 2046, share-of-population", "i-alt, 2046, full-time-persons"})
    void showsEachMunicipalityTheFigureOfItsOwnKeyFigures(String group, String period, String by) {
        JsonPath ranking = ranking(group, period, by);

        // Every seventh municipality, the last one and Gentofte.
        List<String> sample = IntStream.range(0, municipalities.size())
                .filter(i -> i % 7 == 0 || i == municipalities.size() - 1 || municipalities.get(i).equals("157"))
                .mapToObj(municipalities::get).toList();
        for (String code : sample) {
            Map<String, Object> own = given().config(Fixtures.EXACT_NUMBERS)
                    .queryParam("period", period).queryParam("targetGroup", group)
                    .when().get("/api/v1/areas/" + code + "/key-figures").then().statusCode(200)
                    .extract().jsonPath().getMap("groups[0]");
            Object expected = switch (by) {
                case "share-of-population" -> ((Map<?, ?>) own.get("shareOfPopulation")).get("value");
                case "change-percent" -> ((Map<?, ?>) own.get("change")).get("percent");
                case "national-share" -> ((Map<?, ?>) own.get("nationalShare")).get("value");
                default -> own.get("fullTimePersons");
            };
            Object actual = row(ranking, code).get("value");
            if (expected == null) {
                assertNull(actual, () -> code + " is ranked with " + actual + " but has no " + by);
            } else {
                assertEquals(0, new BigDecimal(expected.toString()).compareTo(new BigDecimal(actual.toString())),
                        () -> code + " is ranked with " + actual + " but its key figures show " + expected);
            }
        }
    }

    private static JsonPath ranking(String group, String period, String by) {
        return given().config(Fixtures.EXACT_NUMBERS).queryParam("targetGroup", group).queryParam("period", period)
                .queryParam("by", by).when().get("/api/v1/rankings").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> row(JsonPath ranking, String code) {
        List<Map<String, Object>> rows = ranking.getList("rows");
        Map<String, Object> found = new HashMap<>();
        rows.stream().filter(row -> code.equals(row.get("areaCode"))).findFirst().ifPresent(found::putAll);
        assertEquals(code, found.get("areaCode"), () -> code + " is not among the ranked municipalities");
        return found;
    }
}
