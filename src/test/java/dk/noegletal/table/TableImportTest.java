package dk.noegletal.table;

import static dk.noegletal.Fixtures.number;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dk.noegletal.Fixtures;
import dk.noegletal.ImportingTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Any Jobindsats table imports as Jobindsats serves it (API v3), registers its dimensions, members and measures,
 * and gives its figures by the measures' kinds. Built on the real y25i09 response in samples/.
 */
@QuarkusTest
class TableImportTest extends ImportingTest {

    private static final Path Y25I09 = Path.of("samples", "jobindsats-v3-y25i09-langtidsledige-hele-landet.json");

    private static byte[] y25i09() throws IOException {
        return Files.readAllBytes(Y25I09);
    }

    private static io.restassured.response.ValidatableResponse post(String table, byte[] body) {
        return Fixtures.given().contentType("application/json").body(body).queryParam("table", table)
                .when().post("/api/v1/imports").then();
    }

    @Test
    void theY25i09ResponseImportsUnchangedAndRegistersItsTable() throws IOException {
        post("y25i09", y25i09()).statusCode(201)
                .body("format", equalTo("jobindsats-v3"))
                .body("table", equalTo("y25i09"))
                .body("inserted", equalTo(56))
                .body("added", hasItem("table y25i09"))
                .body("added", hasItem("measure 'Andel langtidsledige personer ift. bruttoledige personer' (ratio)"))
                .body("added", hasItem("member 'Ydelsesgrupper i alt' of Ydelsesgrupper"));
        RestAssured.when().get("/api/v1/tables/y25i09").then().log().ifValidationFails().statusCode(200)
                .body("dimensions.label", contains("Ydelsesgrupper", "A-kasse"))
                .body("dimensions[0].members[0].label", equalTo("Ydelsesgrupper i alt"))
                .body("dimensions[0].members[0].total", equalTo(true))
                .body("dimensions[1].members[0].label", equalTo("I alt"))
                .body("measures.kind", contains("stock", "head-count", "head-count", "ratio"))
                .body("measures.kindSetBy", contains("inferred", "inferred", "inferred", "inferred"))
                .body("periods.month.first", equalTo("2025-05"))
                .body("periods.month.latest", equalTo("2026-06"))
                .body("periods.month.count", equalTo(14));
        // Again: nothing new, kept in the history as unchanged.
        post("y25i09", y25i09()).statusCode(201).body("inserted", equalTo(0)).body("unchanged", equalTo(56))
                .body("added", hasSize(0));
    }

    @Test
    void aStockIsTheAverageOfItsMonthsAndAPartialYearSaysSo() throws IOException {
        post("y25i09", y25i09()).statusCode(201);
        // 2025M05-2025M12: (16446 + 16597 + 16465 + 16294 + 15585 + 15564 + 15912 + 16028) / 8 = 16111.375
        RestAssured.given().config(Fixtures.EXACT_NUMBERS)
                .when().get("/api/v1/areas/000/tables/y25i09/key-figures?period=2025"
                        + "&measure=antal-langtidsledige-fuldtidspersoner")
                .then().statusCode(200)
                .body("members.code", contains("ydelsesgrupper-i-alt", "i-alt"))
                .body("rows[0].value", number("16111.375"))
                .body("rows[0].completeness.monthsPresent", equalTo(8))
                .body("rows[0].completeness.partial", equalTo(true))
                .body("rows[0].notes.reason", hasItem("partial-period"));
    }

    @Test
    void aHeadCountHasNoYearAndARatioNoNationalShare() throws IOException {
        post("y25i09", y25i09()).statusCode(201);
        RestAssured.when().get("/api/v1/areas/000/tables/y25i09/key-figures?period=2025"
                        + "&measure=Antal langtidsledige personer")
                .then().statusCode(200)
                .body("rows[0].value", nullValue())
                .body("rows[0].notes.find { it.field == 'value' }.reason", equalTo("no-period-rule"));
        RestAssured.given().config(Fixtures.EXACT_NUMBERS)
                .when().get("/api/v1/areas/000/tables/y25i09/key-figures?period=2026-06&measure="
                        + "andel-langtidsledige-personer-ift-bruttoledige-personer")
                .then().statusCode(200)
                .body("rows[0].value", number("17.2"))
                .body("rows[0].previousYear", number("16.7"))
                .body("rows[0].nationalShare.value", nullValue())
                .body("rows[0].notes.find { it.field == 'nationalShare.value' }.reason", equalTo("not-additive"));
    }

    @Test
    void latestResolvesToTheNewestMonthAndIsEchoed() throws IOException {
        post("y25i09", y25i09()).statusCode(201);
        RestAssured.when().get("/api/v1/areas/000/tables/y25i09/key-figures?period=latest")
                .then().statusCode(200).body("period", equalTo("2026-06"));
        RestAssured.when().get("/api/v1/areas/000/tables/y25i09/key-figures?period=latest-quarter")
                .then().statusCode(200).body("period", equalTo("2026Q2"));
    }

    @Test
    void anUnknownAreaIsRefusedByName() {
        String body = """
                {"columns": ["Periode", "Område", "Antal personer"],
                 "rows": [["2025M05", "Gentofte", 10], ["2025M05", "Atlantis", 3]]}""";
        post("own-test", body.getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errors[0].message", containsString("unknown area 'Atlantis'"));
        RestAssured.when().get("/api/v1/tables/own-test").then().statusCode(404);
    }

    @Test
    void repeatedIdenticalRowsAreStoredOnceAndUnknownResidenceIsSkipped() {
        String body = """
                {"columns": ["Periode", "Område", "Antal personer"],
                 "rows": [["2025M05", "Gentofte", 10], ["2025M05", "Gentofte", 10],
                          ["2025M05", "Uoplyst område", 4], ["2025M05", "Hele landet", 99]]}""";
        post("own-test", body.getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("inserted", equalTo(2)).body("duplicateRows", equalTo(1)).body("skippedRows", equalTo(1));
    }

    @Test
    void aWideRowAllOfWhoseObservationsRepeatIsOneDuplicateRowAndOneThatDiffersIsRefused() {
        String same = """
                {"columns": ["Periode", "Område", "A-kasse", "Antal personer", "Antal sager"],
                 "rows": [["2025M05", "Gentofte", "I alt", 10, 2], ["2025M05", "157", "i alt", 10, 2]]}""";
        post("own-test", same.getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("rowsRead", equalTo(2)).body("inserted", equalTo(2)).body("duplicateRows", equalTo(1));

        String differs = """
                {"columns": ["Periode", "Område", "A-kasse", "Antal personer", "Antal sager"],
                 "rows": [["2025M06", "Gentofte", "I alt", 10, 2], ["2025M06", "157", "i alt", 10, 2],
                          ["2025M06", "Gentofte", "I alt", 10, 3]]}""";
        post("own-test", differs.getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errorCount", equalTo(1))
                .body("errors[0].location", equalTo("row 3"))
                .body("errors[0].message", containsString("the same period, area and members as row 1, but other "
                        + "values"));
    }

    @Test
    void conflictingRowsAreRefusedNamingBoth() {
        String body = """
                {"columns": ["Periode", "Område", "Antal personer"],
                 "rows": [["2025M05", "Gentofte", 10], ["2025M05", "Gentofte", 11]]}""";
        post("own-test", body.getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errors[0].location", equalTo("row 2"))
                .body("errors[0].message", containsString("the same period, area and members as row 1"));
    }

    @Test
    void aNegativeCountIsRefused() {
        String body = """
                {"columns": ["Periode", "Område", "Antal personer"], "rows": [["2025M05", "Gentofte", -1]]}""";
        post("own-test", body.getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errors[0].message", containsString("negative values are not allowed"));
    }

    @Test
    void anEditorCorrectsAKindAndTheFiguresFollow() throws IOException {
        post("y25i09", y25i09()).statusCode(201);
        Fixtures.given().contentType("application/json")
                .body("{\"name\": \"Langtidsledige\", \"measures\": [{\"code\": \"antal-langtidsledige-personer\","
                        + " \"kind\": \"stock\"}]}")
                .when().put("/api/v1/tables/y25i09").then().statusCode(200)
                .body("name", equalTo("Langtidsledige"))
                .body("measures[0].code", equalTo("antal-langtidsledige-personer"))
                .body("measures[0].kind", equalTo("stock"))
                .body("measures[0].kindSetBy", equalTo("editor"));
        Fixtures.given().contentType("application/json").body("{\"measures\": [{\"code\": \"x\", \"kind\": \"stock\"}]}")
                .when().put("/api/v1/tables/y25i09").then().statusCode(400)
                .body("detail", containsString("has no measure 'x'"));
        RestAssured.given().contentType("application/json").body("{\"name\": \"x\"}")
                .when().put("/api/v1/tables/y25i09").then().statusCode(401);
    }

    @Test
    void aRevisedValueIsANewRevisionAndAsOfReadsTheOldOne() throws IOException {
        long first = post("y25i09", y25i09()).statusCode(201).extract().jsonPath().getLong("id");
        byte[] revised = new String(y25i09(), StandardCharsets.UTF_8).replace("17346", "17400")
                .getBytes(StandardCharsets.UTF_8);
        post("y25i09", revised).statusCode(201).body("updated", equalTo(1)).body("inserted", equalTo(0));
        String url = "/api/v1/areas/000/tables/y25i09/key-figures?period=2026-06";
        RestAssured.given().config(Fixtures.EXACT_NUMBERS).when().get(url)
                .then().statusCode(200).body("rows[0].value", number("17400"));
        RestAssured.given().config(Fixtures.EXACT_NUMBERS).when().get(url + "&asOf=" + first)
                .then().statusCode(200).body("rows[0].value", number("17346")).body("dataRevision", equalTo((int) first));
    }

    @Test
    void figuresAndRankingsComeAsCsvWithHeaders() throws IOException {
        post("y25i09", y25i09()).statusCode(201);
        String csv = RestAssured.given().accept("text/csv")
                .when().get("/api/v1/areas/000/tables/y25i09/key-figures?period=2026-06")
                .then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r?\n");
        org.junit.jupiter.api.Assertions.assertTrue(lines[0].startsWith("area_code,area_name,table,measure,period"),
                lines[0]);
        org.junit.jupiter.api.Assertions.assertTrue(lines[1].contains(",17346,"), lines[1]);
        String ranking = RestAssured.given().accept("text/csv")
                .when().get("/api/v1/tables/y60a02/ranking?period=2026-07&measure=antal-fuldtidspersoner")
                .then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(99, ranking.split("\r?\n").length);
    }
}
