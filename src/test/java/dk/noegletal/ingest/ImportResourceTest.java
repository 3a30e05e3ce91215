package dk.noegletal.ingest;

import static dk.noegletal.Fixtures.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dk.noegletal.Fixtures.number;

import dk.noegletal.Fixtures;
import dk.noegletal.ImportingTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportResourceTest extends ImportingTest {

    private static final String GOOD_CSV = """
            area,target_group,measure,period,value,status
            101,dagpenge,full-time-persons,2030-01,1200.5,ok
            101,dagpenge,full-time-persons,2030-02,1210,
            København,kontanthjaelp,full-time-persons,2030M01,3400,
            101,integrationsydelse-jobparate,full-time-persons,2030-01,.,
            101,,population-16-66,2030,420000,ok
            """;

    private static final String JOBINDSATS_V2 = """
            [{"TableID": "y01a02",
              "Variables": [{"Name": "area", "Label": "Område"}, {"Name": "period", "Label": "Periode"},
                            {"Name": "ydelse", "Label": "Ydelsesgrupper"},
                            {"Name": "y01a02_1", "Label": "Antal fuldtidspersoner"}],
              "Data": [["København", "2030M01", "A-dagpenge", "1.313"],
                       ["København", "2030M02", "A-dagpenge", ".."]]}]
            """;

    @Test
    void importsTidyCsvAndReportsWhatItDid() {
        postCsv(GOOD_CSV).statusCode(201)
                .header("Location", containsString("/api/v1/imports/"))
                .body("format", equalTo("tidy-csv"))
                .body("source", equalTo("test.csv"))
                .body("rowsRead", equalTo(5))
                .body("inserted", equalTo(5))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(0))
                .body("suppressed", equalTo(1))
                .body("periods", contains("2030", "2030-01", "2030-02"))
                .body("areas", contains("101"));

        given().config(Fixtures.EXACT_NUMBERS)
                .queryParam("area", "101").queryParam("targetGroup", "dagpenge")
                .when().get("/api/v1/series")
                .then().statusCode(200)
                .body("points.period", contains("2030-01", "2030-02"))
                .body("points.value", contains(number("1200.5"), number("1210")));
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        postCsv(GOOD_CSV).statusCode(201);
        long stored = testData.countObservations();

        postCsv(GOOD_CSV).statusCode(201)
                .body("rowsRead", equalTo(5))
                .body("inserted", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(5));
        assertEquals(stored, testData.countObservations());
    }

    @Test
    void aChangedValueIsStoredAsANewRevision() {
        long first = postCsv(GOOD_CSV).statusCode(201).extract().jsonPath().getLong("id");
        String revised = GOOD_CSV.replace("2030-02,1210,", "2030-02,1215.25,")
                .replace("2030-01,.,", "2030-01,4,");

        long second = postCsv(revised).statusCode(201)
                .body("inserted", equalTo(0))
                .body("updated", equalTo(2))
                .body("unchanged", equalTo(3))
                .extract().jsonPath().getLong("id");

        ValidatableResponse series = given().config(Fixtures.EXACT_NUMBERS)
                .queryParam("area", "101").queryParam("targetGroup", "dagpenge")
                .when().get("/api/v1/series")
                .then().statusCode(200)
                .body("points.value", contains(number("1200.5"), number("1215.25")));
        assertEquals(List.of(first, second), series.extract().jsonPath().getList("points.importId", Long.class));
        given().queryParam("area", "101").queryParam("targetGroup", "integrationsydelse-jobparate")
                .when().get("/api/v1/series")
                .then().body("points[0].status", equalTo("ok")).body("points[0].value", equalTo(4));
    }

    @Test
    void oneBadRowRejectsTheWholeFileAndNamesIt() {
        String oneBad = GOOD_CSV.replace("København,kontanthjaelp", "Københaven,kontanthjaelp");
        long stored = testData.countObservations();

        postCsv(oneBad).statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("The import was rejected"))
                .body("errorCount", equalTo(1))
                .body("errors[0].line", equalTo(4))
                .body("errors[0].column", equalTo("area"))
                .body("errors[0].value", equalTo("Københaven"))
                .body("errors[0].message", containsString("unknown area 'Københaven'"))
                .body("detail", containsString("line 4"));

        assertEquals(stored, testData.countObservations());
        given().queryParam("area", "101").queryParam("targetGroup", "dagpenge")
                .when().get("/api/v1/series")
                .then().statusCode(200).body("points", hasSize(0));
    }

    @Test
    void eachKindOfBadRowHasItsOwnMessage() {
        String bad = """
                area,target_group,measure,period,value
                101,dagpenge,full-time-persons,2030-01,-3
                101,boligstoette,full-time-persons,2030-01,3
                101,dagpenge,headcount,2030-01,3
                101,dagpenge,full-time-persons,2030-13,3
                101,dagpenge,full-time-persons,2030-02,tre
                101,dagpenge,full-time-persons,2030-02,4
                101,dagpenge,population-16-66,2030,4
                """;
        postCsv(bad).statusCode(400)
                .body("errorCount", equalTo(7))
                .body("errors.line", contains(2, 3, 4, 5, 6, 7, 8))
                .body("errors.message", contains(
                        equalTo("negative values are not allowed"),
                        containsString("unknown target group 'boligstoette'"),
                        containsString("unknown measure 'headcount'"),
                        containsString("there is no month 13"),
                        containsString("'tre' is not a number"),
                        containsString("the same area, target group, measure and period as line 6"),
                        containsString("has no target group")));
    }

    @Test
    void aKeyWrittenDifferentlyInAnExportIsARepeatNamingTheFirstRow() {
        postJson("""
                [{"TableID": "y01a02",
                  "Variables": [{"Name": "omr", "Label": "Område"}, {"Name": "per", "Label": "Periode"},
                                {"Name": "ydelse", "Label": "Ydelsesgrupper"}, {"Name": "antal", "Label": "Antal personer"}],
                  "Data": [["Gentofte", "2118M12", "A-dagpenge", "12"], ["157", "2118M12", "dagpenge", "12"]]}]
                """).statusCode(400)
                .body("errorCount", equalTo(1))
                .body("errors[0].location", equalTo("table 1, row 2"))
                .body("errors[0].message", endsWith("as table 1, row 1"));
    }

    @Test
    void rejectsAWrongHeader() {
        postCsv("area,group,measure,period,value\n101,dagpenge,full-time-persons,2030-01,3\n")
                .statusCode(400)
                .body("errors[0].line", equalTo(1))
                .body("errors[0].message", containsString("unknown column 'group'"));
    }

    @Test
    void importsJobindsatsVersion2Json() {
        String v2 = """
                \uFEFF[{"TableID": "y01a02",
                  "Variables": [{"Name": "area", "Label": "Område"}, {"Name": "period", "Label": "Periode"},
                                {"Name": "ydelse", "Label": "Ydelsesgrupper"},
                                {"Name": "y01a02_1", "Label": "Antal fuldtidspersoner"},
                                {"Name": "y01a02_2", "Label": "Antal personer"},
                                {"Name": "y01a02_3", "Label": "Fuldtidspersoner i pct. af befolkningen 16-66 år"}],
                  "Data": [["København", "2030M01", "A-dagpenge", "1.313", "1.402", "0,93"],
                           ["København", "2030M02", "Kontanthjælp", "512,5", "..", "0,36"],
                           ["Hele landet", "2030M01", "A-dagpenge", "141.180", "150.002", "3,80"]]}]
                """;
        postJson(v2).statusCode(201)
                .body("format", equalTo("jobindsats-v2"))
                .body("rowsRead", equalTo(6))
                .body("inserted", equalTo(6))
                .body("suppressed", equalTo(1))
                .body("ignoredColumns", contains("Fuldtidspersoner i pct. af befolkningen 16-66 år"))
                .body("areas", contains("000", "101"));

        given().config(Fixtures.EXACT_NUMBERS)
                .queryParam("area", "101").queryParam("targetGroup", "dagpenge")
                .when().get("/api/v1/series")
                .then().body("points[0].value", number("1313"));
        given().config(Fixtures.EXACT_NUMBERS)
                .queryParam("area", "101").queryParam("targetGroup", "kontanthjaelp").queryParam("measure", "persons")
                .when().get("/api/v1/series")
                .then().body("points[0].status", equalTo("suppressed")).body("points[0].value", nullValue());
    }

    @Test
    void importsJobindsatsVersion3Json() {
        String v3 = """
                {"columns": [{"name": "area", "label": "Område"}, {"name": "period", "label": "Periode"},
                             {"name": "y", "label": "Ydelsesgrupper"},
                             {"name": "m1", "label": "Antal fuldtidspersoner"}],
                 "rows": [["København", "2030Q01", "Sygedagpenge", "2.004,25"],
                          ["København", "2030Q02", "Sygedagpenge", "."]]}
                """;
        postJson(v3).statusCode(201)
                .body("format", equalTo("jobindsats-v3"))
                .body("rowsRead", equalTo(2))
                .body("suppressed", equalTo(1))
                .body("periods", contains("2030Q1", "2030Q2"));

        given().config(Fixtures.EXACT_NUMBERS)
                .queryParam("area", "101").queryParam("targetGroup", "sygedagpenge")
                .when().get("/api/v1/series")
                .then().body("points.period", contains("2030Q1", "2030Q2"))
                .body("points[0].value", number("2004.25"));
    }

    @Test
    void rejectsAnUnknownJobindsatsGroupLabelByName() {
        String v3 = """
                {"columns": ["Område", "Periode", "Ydelsesgrupper", "Antal fuldtidspersoner"],
                 "rows": [["København", "2030M01", "Sygedagpenge", "10"],
                          ["København", "2030M01", "Boligstøtte", "12"]]}
                """;
        postJson(v3).statusCode(400)
                .body("errors[0].location", equalTo("row 2"))
                .body("errors[0].column", equalTo("Ydelsesgrupper"))
                .body("errors[0].message", containsString("unknown target group 'Boligstøtte'"));
        given().queryParam("area", "101").queryParam("targetGroup", "sygedagpenge")
                .when().get("/api/v1/series").then().body("points", hasSize(0));
    }

    @Test
    void keepsAHistoryOfImports() {
        long id = postCsv(GOOD_CSV).statusCode(201).extract().jsonPath().getLong("id");

        given().when().get("/api/v1/imports").then().statusCode(200)
                .body("[0].id", equalTo((int) id))
                .body("[0].rowsRead", equalTo(5));
        given().when().get("/api/v1/imports/" + id).then().statusCode(200)
                .body("source", equalTo("test.csv"))
                .body("importedAt", notNullValue());
        given().when().get("/api/v1/imports/" + (id + 1000)).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void rejectsABodyOfAnotherMediaType() {
        given().contentType("text/plain").body(GOOD_CSV)
                .when().post("/api/v1/imports")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void importsCsvThroughItsOwnOperationForGeneratedClients() {
        long stored = testData.countObservations();
        String location = given().contentType("text/csv").queryParam("source", "csv-operation.csv")
                .body(GOOD_CSV.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports/csv")
                .then().statusCode(201)
                .body("format", equalTo("tidy-csv"))
                .body("inserted", equalTo(5))
                .extract().header("Location");

        assertEquals(stored + 5, testData.countObservations());
        long id = given().when().get(location).then().statusCode(200)
                .body("source", equalTo("csv-operation.csv"))
                .extract().jsonPath().getLong("id");
        assertTrue(location.endsWith("/api/v1/imports/" + id), location);
    }

    @Test
    void importsJobindsatsJsonThroughItsOwnOperationForGeneratedClients() {
        String location = given().contentType("application/json").queryParam("source", "y01a02")
                .body(JOBINDSATS_V2.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports/jobindsats")
                .then().statusCode(201)
                .body("format", equalTo("jobindsats-v2"))
                .body("rowsRead", equalTo(2))
                .body("suppressed", equalTo(1))
                .extract().header("Location");

        long id = given().when().get(location).then().statusCode(200)
                .body("source", equalTo("y01a02"))
                .extract().jsonPath().getLong("id");
        assertTrue(location.endsWith("/api/v1/imports/" + id), location);
        given().queryParam("area", "101").queryParam("targetGroup", "dagpenge")
                .when().get("/api/v1/series").then().body("points.period", contains("2030-01", "2030-02"));
    }

    @Test
    void theJsonOperationRefusesCsvAndStoresNothing() {
        long stored = testData.countObservations();
        given().contentType("text/csv").body(GOOD_CSV.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports/jobindsats")
                .then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415));
        assertEquals(stored, testData.countObservations());
    }

    @Test
    void theCsvOperationRefusesJsonAndStoresNothing() {
        long stored = testData.countObservations();
        given().contentType("application/json").body(JOBINDSATS_V2.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports/csv")
                .then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415));
        assertEquals(stored, testData.countObservations());
    }

    @Test
    void theOperationsPerFormatNeedTheEditor() {
        long stored = testData.countObservations();
        RestAssured.given().contentType("text/csv").body(GOOD_CSV).when().post("/api/v1/imports/csv")
                .then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().auth().preemptive().basic("viewer", "test-viewer-password")
                .contentType("application/json").body(JOBINDSATS_V2).when().post("/api/v1/imports/jobindsats")
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(stored, testData.countObservations());
    }

    private static ValidatableResponse postCsv(String csv) {
        return given().contentType("text/csv").queryParam("source", "test.csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports").then();
    }

    private static ValidatableResponse postJson(String json) {
        return given().contentType("application/json").body(json.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports").then();
    }
}
