package dk.noegletal.export;

import static dk.noegletal.Fixtures.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dk.noegletal.ImportingTest;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Text that a spreadsheet would run as a formula goes into CSV as text, in both dialects, and negative numbers stay
 * numbers.
 */
@QuarkusTest
class CsvInjectionTest extends ImportingTest {

    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")";

    @AfterEach
    void removeCluster() {
        given().delete("/api/v1/clusters/evil");
    }

    @Test
    void aClusterNamedLikeAFormulaIsTextInCsv() {
        given().contentType("application/json")
                .body(Map.of("code", "evil", "name", FORMULA, "members", List.of("157")))
                .when().post("/api/v1/clusters")
                .then().statusCode(201);

        assertEquals("'" + FORMULA, row(csv("/api/v1/clusters", "csv", ','), "code", "evil").get("name"));
        assertEquals("'" + FORMULA, row(csv("/api/v1/clusters", "csv-da", ';'), "Kode", "evil").get("Navn"));
        assertEquals("'" + FORMULA, row(csv("/api/v1/areas", "csv-da", ';'), "Kode", "evil").get("Navn"));
        // JSON is not a spreadsheet: the name is as it was given.
        given().when().get("/api/v1/clusters/evil").then().body("name", org.hamcrest.Matchers.equalTo(FORMULA));
    }

    @Test
    void aNegativeChangeStaysANumberInBothDialects() {
        importCsv("""
                area,target_group,measure,period,value
                157,dagpenge,full-time-persons,2036,10
                157,dagpenge,full-time-persons,2037,6.5
                """);

        String address = "/api/v1/areas/157/key-figures?period=2037&targetGroup=dagpenge";
        Map<String, String> standard = row(csv(address, "csv", ','), "target_group_code", "dagpenge");
        Map<String, String> danish = row(csv(address, "csv-da", ';'), "Målgruppekode", "dagpenge");

        assertEquals("-3.5", standard.get("change_absolute"));
        assertEquals("-3,5", danish.get("Ændring (absolut)"));
        assertEquals("-35", standard.get("change_percent").replaceAll("\\.0+$", ""));
    }

    private static List<Map<String, String>> csv(String address, String format, char separator) {
        byte[] body = given().queryParam("format", format)
                .when().get(address)
                .then().statusCode(200).extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(separator)).readValues(text)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String column, String value) {
        return rows.stream().filter(row -> value.equals(row.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " " + value + " in " + rows));
    }
}
