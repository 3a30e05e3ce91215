package dk.noegletal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.noegletal.Fixtures;
import dk.noegletal.ImportingTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What an operator reads at /q/metrics (Prometheus): imports, the caches of computed figures, HTTP requests. */
@QuarkusTest
class MetricsTest extends ImportingTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");

    @Test
    void anImportIsCountedWithItsRowsByResult() {
        Map<String, String> stored = Map.of("format", "tidy-csv", "outcome", "stored");
        double imports = metric("noegletal_imports_seconds_count", stored);
        double inserted = metric("noegletal_import_rows_total", Map.of("format", "tidy-csv", "result", "inserted"));
        double unchanged = metric("noegletal_import_rows_total", Map.of("format", "tidy-csv", "result", "unchanged"));
        String csv = "area,target_group,measure,period,value\n101,dagpenge,full-time-persons,2051-01,5\n"
                + "101,dagpenge,full-time-persons,2051-02,6\n";
        importCsv(csv);
        importCsv(csv);

        assertEquals(imports + 2, metric("noegletal_imports_seconds_count", stored));
        assertEquals(inserted + 2, metric("noegletal_import_rows_total", Map.of("format", "tidy-csv", "result", "inserted")));
        assertEquals(unchanged + 2, metric("noegletal_import_rows_total", Map.of("format", "tidy-csv", "result", "unchanged")));
        assertTrue(metric("noegletal_imports_seconds_sum", stored) > 0, "the imports' duration is recorded");
    }

    @Test
    void aRejectedImportIsCountedWithItsRowErrors() {
        Map<String, String> rejected = Map.of("format", "jobindsats-json", "outcome", "rejected");
        double imports = metric("noegletal_imports_seconds_count", rejected);
        double rows = metric("noegletal_import_rows_total", Map.of("format", "jobindsats-json", "result", "rejected"));
        Fixtures.given().contentType("application/json").body("""
                {"columns": ["Område", "Periode", "Ydelsesgrupper", "Antal fuldtidspersoner"],
                 "rows": [["Atlantis", "2018M12", "A-dagpenge", "816"], ["Utopia", "2018M12", "A-dagpenge", "3"]]}
                """).when().post("/api/v1/imports").then().statusCode(400);

        assertEquals(imports + 1, metric("noegletal_imports_seconds_count", rejected));
        assertEquals(rows + 2, metric("noegletal_import_rows_total", Map.of("format", "jobindsats-json", "result", "rejected")));
    }

    @Test
    void cachesOfComputedFiguresCountHitsAndMissesAndComputingIsTimed() {
        importCsv("area,target_group,measure,period,value\n101,dagpenge,full-time-persons,2052-01,5\n");
        Map<String, String> figuresMiss = Map.of("cache", "key-figures", "result", "miss");
        Map<String, String> figuresHit = Map.of("cache", "key-figures", "result", "hit");
        Map<String, String> answersHit = Map.of("cache", "responses", "result", "hit");
        double misses = metric("cache_gets_total", figuresMiss);
        double hits = metric("cache_gets_total", figuresHit);
        double answered = metric("cache_gets_total", answersHit);
        double computations = metric("noegletal_figures_computation_seconds_count", Map.of());

        RestAssured.given().when().get("/api/v1/areas/101/key-figures?period=2052").then().statusCode(200);
        assertEquals(misses + 1, metric("cache_gets_total", figuresMiss), "the first request computes");
        assertEquals(computations + 1, metric("noegletal_figures_computation_seconds_count", Map.of()));
        // Figures and answers are kept when they are computed a second time: most are asked for once.
        RestAssured.given().when().get("/api/v1/areas/101/key-figures?period=2052&format=csv")
                .then().statusCode(200);
        assertEquals(misses + 2, metric("cache_gets_total", figuresMiss), "figures computed once are not kept");
        assertEquals(computations + 2, metric("noegletal_figures_computation_seconds_count", Map.of()));
        RestAssured.given().when().get("/api/v1/areas/101/key-figures?period=2052").then().statusCode(200);
        assertEquals(hits + 1, metric("cache_gets_total", figuresHit), "figures computed twice are kept");
        assertEquals(answered, metric("cache_gets_total", answersHit), "an answer computed once is not kept");
        RestAssured.given().when().get("/api/v1/areas/101/key-figures?period=2052").then().statusCode(200);
        assertEquals(answered + 1, metric("cache_gets_total", answersHit), "an answer computed twice is kept");
        assertEquals(hits + 1, metric("cache_gets_total", figuresHit));
        assertEquals(computations + 2, metric("noegletal_figures_computation_seconds_count", Map.of()));
    }

    @Test
    void httpRequestsAreMeasuredByRoute() {
        RestAssured.given().when().get("/api/v1/areas/157").then().statusCode(200);
        assertTrue(metric("http_server_requests_seconds_count",
                Map.of("method", "GET", "uri", "/api/v1/areas/{code}", "status", "200")) >= 1);
    }

    /** The sum of the samples of a metric whose labels include the given ones (0 when there are none yet). */
    private static double metric(String name, Map<String, String> labels) {
        String text = RestAssured.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return Arrays.stream(text.split("\n")).map(SAMPLE::matcher).filter(Matcher::matches)
                .filter(sample -> sample.group(1).equals(name))
                .filter(sample -> labels.entrySet().stream().allMatch(label -> sample.group(2) != null
                        && sample.group(2).contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                .mapToDouble(sample -> Double.parseDouble(sample.group(3))).sum();
    }
}
