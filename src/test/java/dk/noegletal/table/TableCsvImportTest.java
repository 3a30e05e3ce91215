package dk.noegletal.table;

import static dk.noegletal.Fixtures.number;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.noegletal.Fixtures;
import dk.noegletal.ImportingTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Any table imports as tidy CSV, one observation per line, through the ordinary import: a Jobindsats table
 * rewritten (the real y25i09 response in samples/, line by line) and the municipality's own figures that
 * Jobindsats does not carry.
 */
@QuarkusTest
class TableCsvImportTest extends ImportingTest {

    private static final Path Y25I09 = Path.of("samples", "jobindsats-v3-y25i09-langtidsledige-hele-landet.json");

    /**
     * The y25i09 response as tidy CSV: one line per row and measure, the period as 2025-05, the columns in the
     * order given ({@code dimensions first} or after the measure).
     */
    private static String y25i09AsCsv(String table, boolean dimensionsFirst) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(Y25I09));
        List<String> columns = new ArrayList<>();
        root.get("columns").forEach(column -> columns.add(column.asText()));
        StringBuilder csv = new StringBuilder(dimensionsFirst ? "table,area,period,Ydelsesgrupper,A-kasse,measure,value\n"
                : "measure,value,A-kasse,table,period,area,Ydelsesgrupper\n");
        for (JsonNode row : root.get("rows")) {
            String period = row.get(0).asText().replace("M", "-");
            for (int m = 4; m < columns.size(); m++) {
                String value = row.get(m).isNull() ? "" : row.get(m).decimalValue().toPlainString();
                List<String> cells = dimensionsFirst
                        ? List.of(table, row.get(1).asText(), period, row.get(2).asText(), row.get(3).asText(),
                                columns.get(m), value)
                        : List.of(columns.get(m), value, row.get(3).asText(), table, period, row.get(1).asText(),
                                row.get(2).asText());
                csv.append(String.join(",", cells)).append('\n');
            }
        }
        return csv.toString();
    }

    private static ValidatableResponse post(String path, String table, String csv) {
        var request = Fixtures.given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8));
        if (table != null) {
            request.queryParam("table", table);
        }
        return request.when().post(path).then().log().ifValidationFails();
    }

    @Test
    void aTwoDimensionTableImportsAsTidyCsvAndGivesItsFigures() throws IOException {
        post("/api/v1/imports", null, y25i09AsCsv("csv-y25i09", true)).statusCode(201)
                .body("format", equalTo("tidy-csv"))
                .body("table", equalTo("csv-y25i09"))
                .body("rowsRead", equalTo(56))
                .body("inserted", equalTo(56))
                .body("duplicateRows", equalTo(0))
                .body("added", hasItem("table csv-y25i09"))
                .body("added", hasItem("dimension 'A-kasse'"))
                .body("added", hasItem("member 'Ydelsesgrupper i alt' of Ydelsesgrupper"))
                .body("added", hasItem("measure 'Andel langtidsledige personer ift. bruttoledige personer' (ratio)"));
        RestAssured.when().get("/api/v1/tables/csv-y25i09").then().statusCode(200)
                .body("source", equalTo("own"))
                .body("dimensions.label", contains("Ydelsesgrupper", "A-kasse"))
                .body("measures.kind", contains("stock", "head-count", "head-count", "ratio"))
                .body("periods.month.first", equalTo("2025-05"))
                .body("periods.month.latest", equalTo("2026-06"));
        // As from the JSON export: 2025M05-2025M12 average (16446 + 16597 + 16465 + 16294 + 15585 + 15564 + 15912
        // + 16028) / 8 = 16111.375.
        RestAssured.given().config(Fixtures.EXACT_NUMBERS)
                .queryParam("period", "2025").queryParam("measure", "antal-langtidsledige-fuldtidspersoner")
                .queryParam("member", "ydelsesgrupper:ydelsesgrupper-i-alt").queryParam("member", "A-kasse:I alt")
                .when().get("/api/v1/areas/000/tables/csv-y25i09/key-figures")
                .then().statusCode(200)
                .body("rows[0].value", number("16111.375"))
                .body("rows[0].completeness.monthsPresent", equalTo(8));
        RestAssured.given().config(Fixtures.EXACT_NUMBERS)
                .queryParam("period", "2026-06")
                .queryParam("measure", "Andel langtidsledige personer ift. bruttoledige personer")
                .queryParam("member", "a-kasse:i-alt")
                .when().get("/api/v1/areas/000/tables/csv-y25i09/key-figures")
                .then().statusCode(200)
                .body("rows[0].value", number("17.2"))
                .body("rows[0].previousYear", number("16.7"));
    }

    @Test
    void theCsvRewriteOfAnExportStoresWhatTheExportStoredWhateverItsColumnOrder() throws IOException {
        Fixtures.given().contentType("application/json").body(Files.readAllBytes(Y25I09))
                .queryParam("table", "csv-y25i09-order").when().post("/api/v1/imports").then().statusCode(201)
                .body("inserted", equalTo(56));
        // The dimension columns in the other order, on the operation of its own, with ?table= agreeing.
        post("/api/v1/imports/csv", "csv-y25i09-order", y25i09AsCsv("csv-y25i09-order", false)).statusCode(201)
                .body("format", equalTo("tidy-csv"))
                .body("inserted", equalTo(0))
                .body("unchanged", equalTo(56))
                .body("added", hasSize(0));
        RestAssured.when().get("/api/v1/tables/csv-y25i09-order").then().statusCode(200)
                .body("source", equalTo("Jobindsats"));
    }

    @Test
    void aTablesPeriodsAreThoseItsImportsBroughtAndAsOfAnImportThoseUntilThen() {
        long first = post("/api/v1/imports/csv", "own-csv-periods", """
                area,period,measure,value
                157,2024,Antal besøgte virksomheder,380
                157,2024-12,Antal besøgte virksomheder,31
                """).statusCode(201).extract().jsonPath().getLong("id");
        // A second import revises a value of 2024 and brings 2025; a value again is no new period.
        post("/api/v1/imports/csv", "own-csv-periods", """
                area,period,measure,value
                157,2024,Antal besøgte virksomheder,381
                157,2024-12,Antal besøgte virksomheder,31
                157,2025,Antal besøgte virksomheder,412
                157,2025Q1,Antal besøgte virksomheder,97
                """).statusCode(201).body("updated", equalTo(1)).body("inserted", equalTo(2));
        RestAssured.when().get("/api/v1/tables/own-csv-periods").then().statusCode(200)
                .body("periods.year.first", equalTo("2024"))
                .body("periods.year.latest", equalTo("2025"))
                .body("periods.year.count", equalTo(2))
                .body("periods.quarter.latest", equalTo("2025Q1"))
                .body("periods.month.latest", equalTo("2024-12"));
        RestAssured.when().get("/api/v1/tables/own-csv-periods?asOf=" + first).then().statusCode(200)
                .body("periods.year.latest", equalTo("2024"))
                .body("periods.year.count", equalTo(1))
                .body("periods.quarter", nullValue())
                .body("periods.month.latest", equalTo("2024-12"));
        RestAssured.when().get("/api/v1/areas/157/tables/own-csv-periods/key-figures?period=latest-year&asOf="
                + first).then().statusCode(200).body("period", equalTo("2024"));
        RestAssured.when().get("/api/v1/areas/157/tables/own-csv-periods/key-figures?period=latest-year")
                .then().statusCode(200).body("period", equalTo("2025"));
    }

    @Test
    void anOwnTableImportsWithItsKindInferred() {
        // Gentofte's own goals, which Jobindsats does not carry: business satisfaction and companies visited.
        post("/api/v1/imports/csv", "own-csv-virksomhedsservice", """
                area,period,measure,value
                157,2024,Virksomhedstilfredshed i pct.,75.1
                Gentofte,2025,Virksomhedstilfredshed i pct.,77.5
                157,2025,Antal besøgte virksomheder,412
                """).statusCode(201)
                .body("table", equalTo("own-csv-virksomhedsservice"))
                .body("inserted", equalTo(3))
                .body("areas", contains("157"))
                .body("periods", contains("2024", "2025"));
        RestAssured.when().get("/api/v1/tables/own-csv-virksomhedsservice").then().statusCode(200)
                .body("source", equalTo("own"))
                .body("dimensions", hasSize(0))
                .body("measures.label", contains("Virksomhedstilfredshed i pct.", "Antal besøgte virksomheder"))
                .body("measures.kind", contains("ratio", "head-count"))
                .body("periods.year.latest", equalTo("2025"));
        RestAssured.given().config(Fixtures.EXACT_NUMBERS)
                .when().get("/api/v1/areas/157/tables/own-csv-virksomhedsservice/key-figures?period=2025"
                        + "&measure=virksomhedstilfredshed-i-pct")
                .then().statusCode(200)
                .body("rows[0].value", number("77.5"))
                .body("rows[0].previousYear", number("75.1"))
                .body("rows[0].nationalShare.value", nullValue());
    }

    @Test
    void aRepeatedIdenticalLineIsStoredOnceAndCounted() {
        post("/api/v1/imports", null, """
                table,area,period,Virksomhedstype,measure,value,status
                own-csv-dup,157,2025Q1,I alt,Antal besøgte virksomheder,101,ok
                own-csv-dup,157,2025Q1,I alt,Antal besøgte virksomheder,101.0,
                own-csv-dup,157,2025Q1,i alt,antal besøgte virksomheder,101,ok
                own-csv-dup,157,2025Q2,I alt,Antal besøgte virksomheder,.,suppressed
                own-csv-dup,Uoplyst område,2025Q2,I alt,Antal besøgte virksomheder,3,ok
                """).statusCode(201)
                .body("rowsRead", equalTo(2))
                .body("inserted", equalTo(2))
                .body("suppressed", equalTo(1))
                .body("duplicateRows", equalTo(2))
                .body("skippedRows", equalTo(1));
    }

    @Test
    void aRepeatedLineWithAnotherValueIsRefusedNamingBothLines() {
        post("/api/v1/imports", null, """
                table,area,period,measure,value
                own-csv-conflict,157,2025,Virksomhedstilfredshed i pct.,77.5
                own-csv-conflict,157,2024,Virksomhedstilfredshed i pct.,75.1
                own-csv-conflict,Gentofte,2025,Virksomhedstilfredshed i pct.,78
                """).statusCode(400)
                .body("errorCount", equalTo(1))
                .body("errors[0].location", equalTo("line 4"))
                .body("errors[0].column", equalTo("value"))
                .body("errors[0].message", containsString("the same area, period, members and measure as line 2, "
                        + "but another value (77.5 there)"));
        RestAssured.when().get("/api/v1/tables/own-csv-conflict").then().statusCode(404);
    }

    @Test
    void aSuppressedLineRepeatedWithAValueIsRefused() {
        post("/api/v1/imports", null, """
                table,area,period,measure,value
                own-csv-conflict,157,2025,Antal personer,.
                own-csv-conflict,157,2025,Antal personer,5
                """).statusCode(400)
                .body("errors[0].location", equalTo("line 3"))
                .body("errors[0].message", containsString("another value (suppressed there)"));
        RestAssured.when().get("/api/v1/tables/own-csv-conflict").then().statusCode(404);
    }

    @Test
    void aLineNamingAnotherTableIsRefused() {
        post("/api/v1/imports", null, """
                table,area,period,measure,value
                own-csv-one,157,2025,Antal besøgte virksomheder,412
                own-csv-two,157,2024,Antal besøgte virksomheder,398
                """).statusCode(400)
                .body("errors[0].location", equalTo("line 3"))
                .body("errors[0].column", equalTo("table"))
                .body("errors[0].message", containsString("names the table own-csv-two, but line 2 names "
                        + "own-csv-one; a file holds one table"));
        post("/api/v1/imports/csv", "own-csv-two", """
                table,area,period,measure,value
                own-csv-one,157,2025,Antal besøgte virksomheder,412
                """).statusCode(400)
                .body("errors[0].location", equalTo("line 2"))
                .body("errors[0].message", containsString("but ?table= names own-csv-two"));
        RestAssured.when().get("/api/v1/tables/own-csv-one").then().statusCode(404);
        RestAssured.when().get("/api/v1/tables/own-csv-two").then().statusCode(404);
    }

    @Test
    void theMaalgruppeCsvIsReadAsBeforeAndATableFileNeedsItsColumns() {
        post("/api/v1/imports", null, "area,target_group,measure,period,value\n157,dagpenge,persons,2041-01,12\n")
                .statusCode(201).body("table", nullValue()).body("format", equalTo("tidy-csv"));
        post("/api/v1/imports", null, "table,area,period,measure\nown-csv-x,157,2025,Antal personer\n")
                .statusCode(400).body("errors[0].message", containsString("lacks the column 'value'"));
        post("/api/v1/imports", "Not a table!", "area,period,measure,value\n157,2025,Antal personer,1\n")
                .statusCode(400).body("errors[0].message", containsString("is not a table id"));
    }
}
