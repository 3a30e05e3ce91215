package dk.noegletal.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every column of every tabular endpoint has a Danish header in csv-da (and so in the workbook): a column the
 * dictionary has no words for keeps its plain snake_case name there, which this test refuses. The endpoints are
 * those the served OpenAPI document says answer CSV, so a new one cannot be left out; each is read from the demo
 * data, with and (where a query can make it) without rows.
 */
@QuarkusTest
class DanishHeadersTest {

    /** Addresses that answer each CSV operation from the demo data; a table without rows where one can be had. */
    private static final Map<String, List<String>> ADDRESSES = Map.ofEntries(
            Map.entry("/api/v1/areas", List.of("/api/v1/areas", "/api/v1/areas?type=CLUSTER")),
            Map.entry("/api/v1/areas/{code}/comparison",
                    List.of("/api/v1/areas/157/comparison?targetGroup=dagpenge&period=2018&with=region,country,000")),
            Map.entry("/api/v1/areas/{code}/goals",
                    List.of("/api/v1/areas/157/goals", "/api/v1/areas/157/goals?year=2045")),
            Map.entry("/api/v1/areas/{code}/key-figures", List.of("/api/v1/areas/157/key-figures?period=2018")),
            Map.entry("/api/v1/areas/{code}/reports/annual", List.of("/api/v1/areas/157/reports/annual?year=2018")),
            Map.entry("/api/v1/areas/{code}/reports/quarterly/{quarter}",
                    List.of("/api/v1/areas/157/reports/quarterly/2025Q4")),
            Map.entry("/api/v1/areas/{code}/tables/{table}/comparison",
                    List.of("/api/v1/areas/157/tables/y60a02/comparison?period=2026-07")),
            Map.entry("/api/v1/areas/{code}/tables/{table}/key-figures",
                    List.of("/api/v1/areas/157/tables/y60a02/key-figures?period=2026-07")),
            Map.entry("/api/v1/areas/{code}/tables/{table}/series",
                    List.of("/api/v1/areas/157/tables/y60a02/series?granularity=quarter",
                            "/api/v1/areas/157/tables/y60a02/series?from=2040")),
            Map.entry("/api/v1/clusters", List.of("/api/v1/clusters")),
            Map.entry("/api/v1/imports", List.of("/api/v1/imports")),
            Map.entry("/api/v1/measures", List.of("/api/v1/measures")),
            Map.entry("/api/v1/rankings", List.of("/api/v1/rankings?targetGroup=kontanthjaelp&period=2018")),
            Map.entry("/api/v1/series",
                    List.of("/api/v1/series?area=157&targetGroup=dagpenge&measure=full-time-persons",
                            "/api/v1/series?area=157&targetGroup=dagpenge&measure=full-time-persons&from=2040")),
            Map.entry("/api/v1/tables/{table}/ranking", List.of("/api/v1/tables/y60a02/ranking?period=latest")),
            Map.entry("/api/v1/target-groups", List.of("/api/v1/target-groups")));

    @Test
    void everyColumnOfEveryTableHasADanishHeader() {
        TreeSet<String> missing = new TreeSet<>();
        TreeSet<String> tested = new TreeSet<>();
        for (String operation : csvOperations()) {
            List<String> addresses = ADDRESSES.get(operation);
            assertTrue(addresses != null, operation + " answers CSV: add an address of it to this test");
            for (String address : addresses) {
                List<String> plain = header(address, "csv");
                List<String> danish = header(address, "csv-da");
                assertEquals(plain.size(), danish.size(), address);
                assertTrue(!plain.isEmpty(), address + " has no header row");
                for (int i = 0; i < plain.size(); i++) {
                    if (danish.get(i).equals(plain.get(i))) {
                        missing.add(plain.get(i));
                    }
                }
                tested.add(address);
            }
        }
        assertEquals(ADDRESSES.values().stream().mapToInt(List::size).sum(), tested.size(),
                "an operation this test knows is no longer in the OpenAPI document");
        assertEquals(new TreeSet<>(), missing, "columns without a Danish header in danish-headers.properties");
    }

    private static List<String> csvOperations() {
        JsonPath document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> operations = new ArrayList<>();
        paths.forEach((path, item) -> {
            Object get = item.get("get");
            if (get instanceof Map<?, ?> operation
                    && operation.get("responses") instanceof Map<?, ?> responses
                    && responses.get("200") instanceof Map<?, ?> ok
                    && ok.get("content") instanceof Map<?, ?> content
                    && content.containsKey("text/csv")) {
                operations.add(path);
            }
        });
        return operations;
    }

    private static List<String> header(String address, String format) {
        byte[] body = given().queryParam("format", format).when().get(address)
                .then().statusCode(200).extract().asByteArray();
        boolean danish = format.equals("csv-da");
        String text = danish ? new String(body, 3, body.length - 3, StandardCharsets.UTF_8)
                : new String(body, StandardCharsets.UTF_8);
        try (MappingIterator<List<String>> rows = new CsvMapper().readerForListOf(String.class)
                .with(CsvSchema.emptySchema().withColumnSeparator(danish ? ';' : ','))
                .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
            return rows.hasNext() ? rows.next() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
