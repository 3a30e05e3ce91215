package dk.noegletal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Clients generated from the committed document must be able to read what the service really answers: every JSON
 * answer here, with the demo data (Gentofte 2016-2018), is validated against the schema the document gives its
 * operation, status code and media type (OpenAPI 3.1 schemas are JSON Schema 2020-12). Every read in the document
 * is called with the examples of its parameters, so a new endpoint is checked without a line here; the
 * explicit cases add the answers full of nulls (suppressed and missing figures), writes and problems.
 */
@QuarkusTest
class OpenApiResponsesTest extends ImportingTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");
    /** Only a name for the document inside the validator; nothing is fetched from it. */
    private static final String DOCUMENT = "https://noegletal.example/openapi.json";
    private static final String JSON = "application/json";
    /** The cluster the document's examples name. */
    private static final String CLUSTER = "nordsjaelland";
    private static final int SHOWN_ERRORS = 25;

    private static JsonNode document;
    private static SchemaRegistry schemas;

    @BeforeAll
    static void loadCommittedDocument() throws IOException {
        document = new YAMLMapper().readTree(COMMITTED.toFile());
        String json = new ObjectMapper().writeValueAsString(document);
        schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(DOCUMENT,
                json)));
    }

    @BeforeEach
    void createExampleCluster() {
        Fixtures.given().contentType(JSON)
                .body(Map.of("code", CLUSTER, "name", "Nordsjælland (test)", "members", List.of("157", "173", "230")))
                .when().post("/api/v1/clusters").then().statusCode(201);
    }

    @AfterEach
    void deleteExampleCluster() {
        Fixtures.given().when().delete("/api/v1/clusters/" + CLUSTER).then().statusCode(204);
    }

    @TestFactory
    Stream<DynamicTest> everyReadInTheDocumentAnswersAsDocumentedWithItsExamples() {
        List<DynamicTest> reads = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().path("get");
            // A subscription's own reads need one: subscriptionsAndTheirRunsAnswerAsDocumented calls them.
            if (!get.isMissingNode() && !path.getKey().startsWith("/api/v1/syncs/")) {
                reads.add(dynamicTest("GET " + path.getKey(), () -> callWithExamples(path.getKey(), get)));
            }
        });
        assertTrue(reads.size() >= 14, "the document lists only " + reads.size() + " reads");
        return reads.stream();
    }

    private static void callWithExamples(String path, JsonNode operation) {
        // A read that answers no JSON (a chart) is asked for the media type it documents.
        JsonNode content = operation.path("responses").path("200").path("content");
        String mediaType = content.has(JSON) || !content.fieldNames().hasNext() ? JSON : content.fieldNames().next();
        // A read the document says needs the editor is asked signed in.
        RequestSpecification request = (operation.has("security") ? Fixtures.given() : RestAssured.given())
                .accept(mediaType);
        String url = path;
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asText();
            JsonNode example = parameter.path("example");
            if (example.isMissingNode()) {
                if (parameter.path("required").asBoolean(false)) {
                    fail("The required parameter " + name + " of GET " + path + " has no example to call it with");
                }
                continue;
            }
            if (parameter.path("in").asText().equals("path")) {
                url = url.replace("{" + name + "}", example.asText());
            } else {
                request.queryParam(name, example.asText());
            }
        }
        Response answer = request.when().get(url);
        assertEquals(200, answer.statusCode(), "GET " + url + " with the document's examples: " + answer.asString());
        if (!mediaType.equals(JSON)) {
            assertTrue(answer.contentType().startsWith(mediaType), answer.contentType());
            return;
        }
        assertAsDocumented("get", path, answer);
    }

    @Test
    void keyFiguresWithSuppressedMissingAndPartialFigures() {
        for (String period : List.of("2016", "2017", "2018", "2018Q4", "2018-12", "2019", "2015")) {
            read("/api/v1/areas/{code}/key-figures", "/api/v1/areas/157/key-figures?period=" + period);
        }
        read("/api/v1/areas/{code}/key-figures", "/api/v1/areas/000/key-figures?period=2017");
        read("/api/v1/areas/{code}/key-figures", "/api/v1/areas/1084/key-figures?period=2018&targetGroup=i-alt");
        read("/api/v1/areas/{code}/key-figures", "/api/v1/areas/" + CLUSTER + "/key-figures?period=2018");
    }

    @Test
    void rankingsWithAreasWithoutValueAndEveryOptionalPart() {
        read("/api/v1/rankings", "/api/v1/rankings?targetGroup=dagpenge&period=2018");
        read("/api/v1/rankings", "/api/v1/rankings?targetGroup=i-alt&period=2017&by=change-percent&order=desc"
                + "&limit=5&highlight=157");
        read("/api/v1/rankings", "/api/v1/rankings?targetGroup=dagpenge&period=2018&by=national-share"
                + "&cluster=" + CLUSTER);
        read("/api/v1/rankings", "/api/v1/rankings?targetGroup=dagpenge&period=2018Q4&by=full-time-persons");
    }

    @Test
    void comparisonsWithSkippedEntriesAndRowsWithoutValues() {
        read("/api/v1/areas/{code}/comparison", "/api/v1/areas/157/comparison?targetGroup=dagpenge&period=2018"
                + "&with=region,country,cluster:" + CLUSTER + ",157");
        read("/api/v1/areas/{code}/comparison", "/api/v1/areas/1084/comparison?targetGroup=i-alt&period=2016"
                + "&with=region,country&tolerancePp=2.5");
        read("/api/v1/areas/{code}/comparison", "/api/v1/areas/157/comparison?targetGroup=dagpenge&period=2018Q4");
    }

    @Test
    void seriesAsStoredAndAtEachGranularity() {
        String series = "/api/v1/series?area=157&targetGroup=dagpenge";
        read("/api/v1/series", series);
        for (String granularity : List.of("month", "quarter", "year")) {
            read("/api/v1/series", series + "&granularity=" + granularity);
        }
        read("/api/v1/series", "/api/v1/series?area=157&measure=population-16-66&granularity=year");
        read("/api/v1/series", "/api/v1/series?area=000&targetGroup=integrationsydelse-jobparate&from=2016&to=2017");
        read("/api/v1/series", "/api/v1/series?area=101&targetGroup=dagpenge");
    }

    @Test
    void tablesWithRatiosHeadCountsAndSums() {
        String keyFigures = "/api/v1/areas/{code}/tables/{table}/key-figures";
        read(keyFigures, "/api/v1/areas/1084/tables/y60a02/key-figures?period=2026"
                + "&measure=fuldtidspersoner-i-pct-af-befolkningen-16-66-aar");
        read(keyFigures, "/api/v1/areas/" + CLUSTER + "/tables/y60a02/key-figures?period=2026Q3"
                + "&measure=antal-fuldtidspersoner");
        String series = "/api/v1/areas/{code}/tables/{table}/series";
        read(series, "/api/v1/areas/157/tables/y60a02/series");
        read(series, "/api/v1/areas/157/tables/y60a02/series?measure=antal-personer&granularity=year");
        read(series, "/api/v1/areas/1084/tables/y60a02/series?granularity=quarter&from=2025&to=latest"
                + "&measure=fuldtidspersoner-i-pct-af-befolkningen-16-66-aar");
        read(series, "/api/v1/areas/" + CLUSTER + "/tables/y60a02/series?granularity=year"
                + "&measure=antal-fuldtidspersoner");
        read(series, "/api/v1/areas/157/tables/y60a02/series?from=2040");
        String comparison = "/api/v1/areas/{code}/tables/{table}/comparison";
        read(comparison, "/api/v1/areas/157/tables/y60a02/comparison?period=2026&cluster=" + CLUSTER
                + "&measure=fuldtidspersoner-i-pct-af-befolkningen-16-66-aar");
        read(comparison, "/api/v1/areas/000/tables/y60a02/comparison?period=2021-08&tolerancePp=0.5");
        read(comparison, "/api/v1/areas/" + CLUSTER + "/tables/y60a02/comparison?period=2026Q3"
                + "&measure=antal-fuldtidspersoner&cluster=" + CLUSTER);
        read("/api/v1/tables/{table}/ranking", "/api/v1/tables/y60a02/ranking?period=2026&order=desc");
        assertAsDocumented("get", comparison,
                RestAssured.given().when().get("/api/v1/areas/157/tables/y60a02/comparison?period=2026&cluster=x"));
        assertAsDocumented("get", series,
                RestAssured.given().when().get("/api/v1/areas/157/tables/y60a02/series?granularity=week"));
    }

    @Test
    void annualAndQuarterlyReports() {
        read("/api/v1/areas/{code}/reports/annual", "/api/v1/areas/157/reports/annual?year=2018");
        read("/api/v1/areas/{code}/reports/annual", "/api/v1/areas/000/reports/annual?year=2017&years=5");
        read("/api/v1/areas/{code}/reports/quarterly/{quarter}", "/api/v1/areas/157/reports/quarterly/2018Q4");
        read("/api/v1/areas/{code}/reports/quarterly/{quarter}",
                "/api/v1/areas/157/reports/quarterly/2016Q1?tolerancePp=0.5");
        read("/api/v1/areas/{code}/reports/quarterly/{quarter}", "/api/v1/areas/101/reports/quarterly/2018Q4");
    }

    @Test
    void catalogueAndClusters() {
        read("/api/v1/areas", "/api/v1/areas");
        read("/api/v1/areas", "/api/v1/areas?type=CLUSTER");
        for (String code : List.of("000", "1084", "157", CLUSTER)) {
            read("/api/v1/areas/{code}", "/api/v1/areas/" + code);
        }
        read("/api/v1/target-groups", "/api/v1/target-groups");
        read("/api/v1/target-groups/{code}", "/api/v1/target-groups/kontanthjaelp");
        read("/api/v1/target-groups/{code}", "/api/v1/target-groups/kontanthjaelp-jobparate");
        read("/api/v1/measures", "/api/v1/measures");
        read("/api/v1/clusters", "/api/v1/clusters");
        read("/api/v1/clusters/{code}", "/api/v1/clusters/" + CLUSTER);
    }

    @Test
    void importsByEachOperationAndTheirHistory() {
        String csv = "area,target_group,measure,period,value,status\n"
                + "101,dagpenge,full-time-persons,2031-01,12.5,ok\n"
                + "101,dagpenge,full-time-persons,2031-02,.,suppressed\n";
        String json = """
                {"columns": ["Område", "Periode", "Ydelsesgrupper", "Antal fuldtidspersoner"],
                 "rows": [["København", "2031M03", "A-dagpenge", "14"]]}
                """;
        Response negotiated = Fixtures.given().contentType("text/csv").body(csv).when().post("/api/v1/imports");
        assertAsDocumented("post", "/api/v1/imports", negotiated);
        assertAsDocumented("post", "/api/v1/imports/csv", Fixtures.given().contentType("text/csv")
                .queryParam("source", "test.csv").queryParam("description", "Two months")
                .body(csv.replace("2031-0", "2032-0")).when().post("/api/v1/imports/csv"));
        assertAsDocumented("post", "/api/v1/imports/jobindsats", Fixtures.given().contentType(JSON).body(json)
                .when().post("/api/v1/imports/jobindsats"));
        read("/api/v1/imports", "/api/v1/imports");
        read("/api/v1/imports/{id}", "/api/v1/imports/" + negotiated.jsonPath().getLong("id"));
    }

    @Test
    void problems() {
        assertAsDocumented("get", "/api/v1/areas/{code}/key-figures",
                RestAssured.given().when().get("/api/v1/areas/157/key-figures?period=2018Q5"));
        assertAsDocumented("get", "/api/v1/areas/{code}/key-figures",
                RestAssured.given().when().get("/api/v1/areas/999/key-figures?period=2018"));
        assertAsDocumented("get", "/api/v1/series", RestAssured.given().when().get("/api/v1/series"));
        assertAsDocumented("get", "/api/v1/areas/{code}/reports/annual",
                RestAssured.given().when().get("/api/v1/areas/157/reports/annual?year=2018&years=ten"));
        assertAsDocumented("get", "/api/v1/imports/{id}", RestAssured.given().when().get("/api/v1/imports/999999"));
        assertAsDocumented("post", "/api/v1/imports/csv", RestAssured.given().contentType("text/csv")
                .body("area\n").when().post("/api/v1/imports/csv"));
        assertAsDocumented("post", "/api/v1/imports/csv", RestAssured.given().auth().preemptive()
                .basic("viewer", "test-viewer-password").contentType("text/csv").body("area\n")
                .when().post("/api/v1/imports/csv"));
        assertAsDocumented("post", "/api/v1/imports/jobindsats", Fixtures.given().contentType("text/csv")
                .body("area\n").when().post("/api/v1/imports/jobindsats"));
        assertAsDocumented("post", "/api/v1/imports/csv", Fixtures.given().contentType("text/csv")
                .body("area,target_group,measure,period,value\n999,dagpenge,full-time-persons,2018,x\n")
                .when().post("/api/v1/imports/csv"));
        assertAsDocumented("post", "/api/v1/clusters", Fixtures.given().contentType(JSON)
                .body(Map.of("code", "uden-navn", "members", List.of("157"))).when().post("/api/v1/clusters"));
    }

    @Test
    void subscriptionsAndTheirRunsAnswerAsDocumented() {
        Response created = Fixtures.given().contentType(JSON).body(Map.of("table", "y60a02", "periods",
                Map.of("M", "latest:14"), "schedule", "0 30 6 * * ?")).when().post("/api/v1/syncs");
        assertAsDocumented("post", "/api/v1/syncs", created);
        long id = created.jsonPath().getLong("id");
        try {
            // Without a key (the tests configure none here) the pull fails at once, and is recorded.
            Response pulled = Fixtures.given().when().post("/api/v1/syncs/" + id + "/run");
            assertEquals(502, pulled.statusCode(), pulled.asString());
            assertAsDocumented("post", "/api/v1/syncs/{id}/run", pulled);
            assertAsDocumented("get", "/api/v1/syncs", Fixtures.given().when().get("/api/v1/syncs"));
            assertAsDocumented("get", "/api/v1/syncs/{id}", Fixtures.given().when().get("/api/v1/syncs/" + id));
            Response runs = Fixtures.given().when().get("/api/v1/syncs/" + id + "/runs");
            assertAsDocumented("get", "/api/v1/syncs/{id}/runs", runs);
            assertAsDocumented("get", "/api/v1/syncs/{id}/runs/{run}", Fixtures.given().when()
                    .get("/api/v1/syncs/" + id + "/runs/" + runs.jsonPath().getLong("[0].id")));
            assertAsDocumented("put", "/api/v1/syncs/{id}", Fixtures.given().contentType(JSON).body(Map.of("table",
                    "y60a02", "periods", Map.of("Q", "latest:4"))).when().put("/api/v1/syncs/" + id));
            assertAsDocumented("post", "/api/v1/syncs", Fixtures.given().contentType(JSON).body(Map.of("table",
                    "y60a02")).when().post("/api/v1/syncs"));
        } finally {
            Fixtures.given().when().delete("/api/v1/syncs/" + id).then().statusCode(204);
        }
    }

    @Test
    void noTypeStandsBesideAReference() {
        List<String> found = new ArrayList<>();
        findTypesBesideReferences(document, "", found);
        assertEquals(List.of(), found, "generators warn about a type beside $ref (the referenced schema says it)");
    }

    private static void findTypesBesideReferences(JsonNode node, String where, List<String> found) {
        if (node.has("$ref") && node.has("type")) {
            found.add(where);
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> findTypesBesideReferences(field.getValue(),
                    where + "/" + field.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findTypesBesideReferences(node.get(i), where + "/" + i, found);
            }
        }
    }

    /** Reads a JSON answer that must be a 200, and checks it against the document's operation at {@code path}. */
    private static void read(String path, String url) {
        Response answer = RestAssured.given().accept(JSON).when().get(url);
        assertEquals(200, answer.statusCode(), "GET " + url + ": " + answer.asString());
        assertAsDocumented("get", path, answer);
    }

    /** Fails, listing the errors, unless the answer's status and media type are documented and its body fits. */
    private static void assertAsDocumented(String method, String path, Response answer) {
        String call = method.toUpperCase() + " " + path;
        JsonNode operation = document.path("paths").path(path).path(method);
        if (operation.isMissingNode()) {
            fail(call + " is not in the document");
        }
        String status = Integer.toString(answer.statusCode());
        if (operation.path("responses").path(status).isMissingNode()) {
            fail(call + " answered " + status + ", which the document does not list: " + answer.asString());
        }
        String mediaType = answer.contentType().split(";")[0].trim();
        if (operation.path("responses").path(status).path("content").path(mediaType).path("schema").isMissingNode()) {
            fail(call + " answered " + status + " as " + mediaType + ", for which the document has no schema");
        }
        String pointer = "/paths/" + escape(path) + "/" + method + "/responses/" + status + "/content/"
                + escape(mediaType) + "/schema";
        List<Error> errors = schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + fragment(pointer)))
                .validate(answer.asString(), InputFormat.JSON);
        if (!errors.isEmpty()) {
            fail(call + " answered " + status + " with " + errors.size() + " difference(s) from the document:\n"
                    + errors.stream().limit(SHOWN_ERRORS)
                            .map(OpenApiResponsesTest::describe)
                            .collect(Collectors.joining("\n"))
                    + (errors.size() > SHOWN_ERRORS ? "\n  ..." : ""));
        }
    }

    /**
     * One error in words, built from its keyword and arguments: the validator's own sentences come from a message
     * bundle that another test dependency (WireMock) also ships, in an older shape.
     */
    private static String describe(Error error) {
        Object[] arguments = error.getArguments() == null ? new Object[0] : error.getArguments();
        String what = error.getKeyword().equals("type") && arguments.length == 2
                ? "is " + arguments[0] + " where the document says " + arguments[1]
                : "fails " + error.getKeyword() + " " + Arrays.toString(arguments);
        return "  " + error.getInstanceLocation() + " " + what;
    }

    /** A JSON pointer token: '~' and '/' escaped (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON pointer as a URI fragment: characters a fragment cannot hold, such as braces, percent-encoded. */
    private static String fragment(String pointer) {
        return pointer.replace("{", "%7B").replace("}", "%7D");
    }
}
