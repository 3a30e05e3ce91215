package dk.noegletal.ingest;

import static dk.noegletal.Fixtures.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.noegletal.Fixtures;
import dk.noegletal.ImportingTest;
import dk.noegletal.common.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A file larger than one import could once hold (150,000 observations) lands whole in one request; one bad line
 * near its end leaves nothing stored. The file: every municipality × 29 target groups × 60 months.
 */
@QuarkusTest
@TestProfile(LargeImportTest.LargeBodies.class)
class LargeImportTest extends ImportingTest {

    /** Bodies as large as the file; the rest of the tests keep small limits. */
    public static class LargeBodies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("noegletal.imports.max-body", "64M", "noegletal.imports.upload-budget", "128M");
        }
    }

    private static final int FIRST_YEAR = 2175;
    private static final int MONTHS = 60;

    @Test
    void aFileOfMoreObservationsThanTheOldCapIsStoredWholeInOneRequest() {
        List<String> areas = municipalities();
        List<String> groups = targetGroups();
        String csv = file(areas, groups, -1);
        int observations = areas.size() * groups.size() * MONTHS;
        long stored = testData.countObservations();

        JsonPath report = upload().body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports").then().statusCode(201)
                .body("rowsRead", equalTo(observations)).body("inserted", equalTo(observations))
                .body("updated", equalTo(0)).body("unchanged", equalTo(0))
                .extract().jsonPath();

        assertEquals(98 * 29 * 60, observations);
        assertEquals(stored + observations, testData.countObservations());
        assertEquals(0, testData.countStagedRows());
        assertEquals(FIRST_YEAR + "-01", report.getList("periods").get(0));
        assertEquals((FIRST_YEAR + 4) + "-12", report.getList("periods").get(MONTHS - 1));

        // Every municipality's figure for one group and month is the one its line gave.
        int group = groups.indexOf("dagpenge");
        JsonPath ranking = RestAssured.given().queryParam("targetGroup", "dagpenge")
                .queryParam("period", (FIRST_YEAR + 4) + "-12").queryParam("by", "full-time-persons")
                .when().get("/api/v1/rankings").then().statusCode(200)
                .body("rows", hasSize(98)).extract().jsonPath();
        for (Map<String, Object> row : ranking.<Map<String, Object>>getList("rows")) {
            int area = areas.indexOf((String) row.get("areaCode"));
            assertEquals(0, new BigDecimal(value(area, group, MONTHS - 1)).compareTo(
                    new BigDecimal(String.valueOf(row.get("value")))), row.toString());
        }

        // The same file again changes nothing: every line is found stored as given.
        upload().body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports").then().statusCode(201)
                .body("unchanged", equalTo(observations)).body("inserted", equalTo(0));
    }

    @Test
    void oneBadLineNearTheEndOfALargeFileStoresNothing() {
        List<String> areas = municipalities();
        List<String> groups = targetGroups();
        int lines = areas.size() * groups.size() * MONTHS;
        String csv = file(areas, groups, lines - 3);
        long stored = testData.countObservations();
        long newest = testData.newestImportId();

        upload().body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errorCount", equalTo(1))
                // The header is line 1: the bad observation's line is its number from 0, plus 2.
                .body("errors[0].location", equalTo("line " + (lines - 3 + 2)))
                .body("errors[0].column", equalTo("area"))
                .body("errors[0].value", equalTo("999"));

        assertEquals(stored, testData.countObservations());
        assertEquals(newest, testData.newestImportId());
        assertEquals(0, testData.countStagedRows());
    }

    /** An upload that may take minutes on a busy machine (the tests' default waits less). */
    private static io.restassured.specification.RequestSpecification upload() {
        return given().config(RestAssured.config().httpClient(io.restassured.config.HttpClientConfig
                .httpClientConfig().setParam("http.socket.timeout", 600_000))).contentType("text/csv");
    }

    /** The file; the observation numbered {@code bad} (from 0) names an area that does not exist. */
    private static String file(List<String> areas, List<String> groups, int bad) {
        StringBuilder csv = new StringBuilder("area,target_group,measure,period,value\n");
        int n = 0;
        for (int month = 0; month < MONTHS; month++) {
            String period = String.format("%d-%02d", FIRST_YEAR + month / 12, month % 12 + 1);
            for (int a = 0; a < areas.size(); a++) {
                for (int g = 0; g < groups.size(); g++) {
                    csv.append(n++ == bad ? "999" : areas.get(a)).append(',').append(groups.get(g))
                            .append(",full-time-persons,").append(period).append(',').append(value(a, g, month))
                            .append('\n');
                }
            }
        }
        return csv.toString();
    }

    private static String value(int area, int group, int month) {
        return String.valueOf((area * 7 + group * 3 + month) % 1000 + 1) + "." + (area + month) % 10;
    }

    private static List<String> municipalities() {
        List<String> codes = RestAssured.given().when().get("/api/v1/areas").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.type == 'MUNICIPALITY' }.code");
        assertEquals(98, codes.size());
        return codes;
    }

    /** The 29 target groups of the catalogue. */
    private static List<String> targetGroups() {
        List<String> codes = Fixtures.csv("catalogue/target-groups.csv").stream().map(row -> row.get("code")).toList();
        assertEquals(29, codes.size());
        return codes;
    }
}
