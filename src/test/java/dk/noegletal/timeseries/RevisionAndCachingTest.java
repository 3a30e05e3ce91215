package dk.noegletal.timeseries;

import static dk.noegletal.Fixtures.number;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dk.noegletal.Fixtures;
import dk.noegletal.ImportingTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Reports as they stood after an import, and conditional GET. København (101), years 2044-2045. */
@QuarkusTest
class RevisionAndCachingTest extends ImportingTest {

    private static final String FIRST = """
            area,target_group,measure,period,value
            101,dagpenge,full-time-persons,2044,100
            101,dagpenge,full-time-persons,2045,110
            000,dagpenge,full-time-persons,2044,10000
            000,dagpenge,full-time-persons,2045,10000
            """;
    private static final List<String> READS = List.of(
            "/api/v1/areas/101/key-figures?period=2045",
            "/api/v1/series?area=101&targetGroup=dagpenge",
            "/api/v1/areas/101/reports/annual?year=2045&years=2",
            "/api/v1/areas/101/reports/quarterly/2045Q4");

    @Test
    void aReportAsOfAnImportIsTheSameAfterARevision() {
        long first = importCsv(FIRST);
        List<String> before = READS.stream().map(path -> body(asOf(path, first))).toList();
        List<String> current = READS.stream().map(RevisionAndCachingTest::body).toList();
        assertEquals(current, before, "as of the newest import is the same as without asOf");

        importCsv(FIRST.replace("2045,110", "2045,121"));

        assertEquals(before, READS.stream().map(path -> body(asOf(path, first))).toList());
        given().config(Fixtures.EXACT_NUMBERS).when().get(READS.get(0) + "&targetGroup=dagpenge")
                .then().body("groups[0].fullTimePersons", number("121"))
                .body("groups[0].change.percent", number("21"));
        given().config(Fixtures.EXACT_NUMBERS).when().get(READS.get(0) + "&targetGroup=dagpenge&asOf=" + first)
                .then().body("groups[0].fullTimePersons", number("110"))
                .body("groups[0].change.percent", number("10"));
    }

    @Test
    void asOfAMomentReadsTheNewestImportThen() {
        long first = importCsv(FIRST);
        String importedAt = given().when().get("/api/v1/imports/" + first).then().extract().path("importedAt");
        importCsv(FIRST.replace("2045,110", "2045,121"));

        assertEquals(body(READS.get(0) + "&asOf=" + first), body(READS.get(0) + "&asOf=" + importedAt));
        given().when().get(READS.get(0) + "&asOf=1999-12-31")
                .then().statusCode(200).body("dataRevision", equalTo(0));
    }

    @Test
    void rejectsAnUnknownOrMalformedAsOf() {
        given().when().get(READS.get(0) + "&asOf=987654")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("There is no import with id 987654 to read the data as of."));
        given().when().get(READS.get(0) + "&asOf=last-march")
                .then().statusCode(400).body("detail", containsString("'asOf' must be an import id"));
    }

    @Test
    void conditionalGetAnswersNotModifiedUntilTheDataChange() {
        importCsv(FIRST);
        String tag = given().when().get(READS.get(0)).then().statusCode(200)
                .header("Cache-Control", "no-cache").extract().header("ETag");

        given().header("If-None-Match", tag).when().get(READS.get(0))
                .then().statusCode(304).header("ETag", tag);
        importCsv(FIRST.replace("2045,110", "2045,111"));
        String changed = given().header("If-None-Match", tag).when().get(READS.get(0))
                .then().statusCode(200).extract().header("ETag");
        assertNotEquals(tag, changed);
        // Another representation of the same data is another tag.
        assertNotEquals(changed, given().accept("text/csv").when().get(READS.get(0)).then().extract().header("ETag"));
    }

    @Test
    void anImportThatChangesNothingLeavesTheTagAsItWas() {
        String file = FIRST.replace("2045,110", "2045,112");
        long changing = importCsv(file);
        String tag = given().when().get(READS.get(0)).then().statusCode(200).extract().header("ETag");

        long unchanging = importCsv(file);
        assertNotEquals(changing, unchanging);
        given().header("If-None-Match", tag).when().get(READS.get(0)).then().statusCode(304).header("ETag", tag);
        // Asked without a tag, the answer carries the same one.
        assertEquals(tag, given().when().get(READS.get(0)).then().statusCode(200).extract().header("ETag"));
    }

    @Test
    void twoConcurrentImportsOfDisjointFilesBothLand() throws Exception {
        StringBuilder one = new StringBuilder("area,target_group,measure,period,value\n");
        StringBuilder two = new StringBuilder("area,target_group,measure,period,value\n");
        for (int month = 1; month <= 12; month++) {
            one.append("147,sygedagpenge,full-time-persons,2046-%02d,%d\n".formatted(month, month));
            two.append("151,sygedagpenge,full-time-persons,2046-%02d,%d\n".formatted(month, month));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Long> a = CompletableFuture.supplyAsync(() -> importCsv(one.toString()), pool);
            CompletableFuture<Long> b = CompletableFuture.supplyAsync(() -> importCsv(two.toString()), pool);
            assertNotEquals(a.get(), b.get());
        } finally {
            pool.shutdown();
        }
        for (String area : List.of("147", "151")) {
            given().queryParam("area", area).queryParam("targetGroup", "sygedagpenge").when().get("/api/v1/series")
                    .then().statusCode(200).body("points", hasSize(12));
        }
    }

    private static String asOf(String path, Object revision) {
        return path + (path.contains("?") ? "&" : "?") + "asOf=" + revision;
    }

    private static String body(String path) {
        return given().when().get(path).then().statusCode(200).extract().asString();
    }
}
