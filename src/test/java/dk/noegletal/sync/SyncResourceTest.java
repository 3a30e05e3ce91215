package dk.noegletal.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dk.noegletal.Fixtures.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dk.noegletal.Fixtures;
import dk.noegletal.ImportingTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pulls from a local stand-in for the Jobindsats API v3 (WireMock), answering with the real kontanthjælp figures
 * (y60a02, all 98 municipalities and the country, 2021M08-2026M07) as the API does: the municipalities to
 * {@code hierarchy._nykom=*}, the country to {@code hierarchy._nykom=/}. A database of its own without the demo,
 * so that the first pull of y60a02 is new.
 */
@QuarkusTest
@TestProfile(SyncResourceTest.Pulling.class)
class SyncResourceTest extends ImportingTest {

    public static class Pulling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(Map.of("noegletal.demo.enabled", "false"));
            // The PostgreSQL run (profiles test,pg,pgtest) cleans its schema at each start; H2 in memory needs a name.
            if ("test".equals(System.getProperty("quarkus.test.profile", "test"))) {
                overrides.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:noegletal-sync;DB_CLOSE_DELAY=-1");
            }
            return overrides;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(JobindsatsStandIn.class));
        }
    }

    private static final String DEMO = "demo/jobindsats-v3-y60a02-kontanthjaelp-2021M08-2026M07.json";
    private static final String DATA = "/v3/data/y60a02";
    private static final String SUBSCRIPTION = "{\"table\": \"y60a02\", \"description\": \"Kontanthjælp, alle "
            + "kommuner\", \"periods\": {\"M\": \"latest:60\"}}";
    private static byte[] municipalities;
    private static byte[] country;
    private static final List<String> LOG = new ArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (LOG) {
                LOG.add(formatter.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void splitTheRealAnswer() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode whole;
        try (InputStream in = SyncResourceTest.class.getClassLoader().getResourceAsStream(DEMO)) {
            whole = json.readTree(in);
        }
        ObjectNode areas = json.createObjectNode().set("columns", whole.get("columns"));
        ObjectNode total = json.createObjectNode().set("columns", whole.get("columns"));
        ArrayNode areaRows = areas.putArray("rows");
        ArrayNode totalRows = total.putArray("rows");
        whole.get("rows").forEach(row -> ("Hele landet".equals(row.get(1).asText()) ? totalRows : areaRows).add(row));
        municipalities = json.writeValueAsBytes(areas);
        country = json.writeValueAsBytes(total);
        Logger.getLogger("").addHandler(CAPTURE);
    }

    @AfterAll
    static void stopCapturing() {
        Logger.getLogger("").removeHandler(CAPTURE);
    }

    @BeforeEach
    void jobindsatsAnswersWithTheRealFigures() {
        given().when().get("/api/v1/syncs").then().statusCode(200).extract().jsonPath().getList("id", Long.class)
                .forEach(id -> given().when().delete("/api/v1/syncs/" + id).then().log().ifValidationFails()
                        .statusCode(204));
        jobindsats().resetAll();
        catalogue("2026-08-20");
        jobindsats().stubFor(data("*").willReturn(json(municipalities).withHeader("X-Request-Id", "req-kommuner")));
        jobindsats().stubFor(data("/").willReturn(json(country).withHeader("X-Request-Id", "req-landet")));
    }

    @AfterEach
    void theKeyIsInNoLogLine() {
        synchronized (LOG) {
            LOG.forEach(line -> assertFalse(line.contains(JobindsatsStandIn.KEY), "the key is in the log: " + line));
        }
    }

    private static WireMockServer jobindsats() {
        return JobindsatsStandIn.server();
    }

    /** The table's metadata (its name, no update_latest) and the catalogue with its update_latest. */
    private static void catalogue(String updateLatest) {
        jobindsats().stubFor(get(urlPathEqualTo("/v3/table/y60a02")).willReturn(json(("[{\"table_id\": \"y60a02\", "
                + "\"table_name\": \"Kontanthjælp\", \"periods\": {\"M\": [\"2021M08\", \"2026M07\"]}, \"dimensions\": "
                + "[{\"dimension_id\": \"omr\", \"hierarchies\": [{\"hierarchy_id\": \"_nykom\"}, {\"hierarchy_id\": "
                + "\"_hele_landet\"}]}], \"mgroups\": [{\"mgroup_id\": \"mgrpy60a02_1\"}]}]").getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))));
        jobindsats().stubFor(get(urlPathEqualTo("/v3/tables")).willReturn(json(("[{\"subject_name\": "
                + "\"Kontanthjælp\", \"table_groups\": [{\"tables\": [{\"table_id\": \"y60a02\", \"table_name\": "
                + "\"Kontanthjælp\", \"update_latest\": \"" + updateLatest + "\", \"update_next\": \"2026-09-17\"}, "
                + "{\"table_id\": \"y60a01\", \"table_name\": \"Kontanthjælp (ydelse)\", \"update_latest\": "
                + "\"2026-08-20\"}]}]}]").getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    private static MappingBuilder data(String areas) {
        return get(urlPathEqualTo(DATA)).withQueryParam("hierarchy._nykom", equalTo(areas));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(byte[] body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static long subscribe(String body) {
        return given().contentType("application/json").body(body).when().post("/api/v1/syncs").then()
                .log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static ValidatableResponse pull(long id) {
        return given().when().post("/api/v1/syncs/" + id + "/run").then().log().ifValidationFails();
    }

    private static String etag() {
        return RestAssured.given().when().get("/api/v1/tables").then().statusCode(200).extract().header("ETag");
    }

    @Test
    void aPullOfEveryMunicipalityAndTheCountryLandsAsOneImportWithItsProvenance() {
        long id = subscribe(SUBSCRIPTION);
        long importId = pull(id).statusCode(201)
                .header("Location", containsString("/api/v1/syncs/" + id + "/runs/"))
                .body("outcome", is("imported"))
                .body("trigger", is("manual"))
                .body("rows", is(5940))
                .body("updateLatest", is("2026-08-20"))
                .body("requestIds", contains("req-kommuner", "req-landet"))
                .body("attempts", is(4))
                .body("sentence", startsWith("Stored as import "))
                .extract().jsonPath().getLong("importId");
        given().when().get("/api/v1/imports/" + importId).then().statusCode(200)
                .body("format", is("jobindsats-v3"))
                .body("table", is("y60a02"))
                .body("inserted", is(23760))
                .body("areas", hasSize(99))
                .body("source", is("Jobindsats API v3"))
                .body("description", is("Subscription " + id + ": Kontanthjælp, alle kommuner"))
                .body("jobindsats.subscription", is((int) id))
                .body("jobindsats.updateLatest", is("2026-08-20"))
                .body("jobindsats.requestIds", contains("req-kommuner", "req-landet"))
                .body("jobindsats.requests", contains(
                        "/data/y60a02?mgroup.*=*&period.M=latest:60&hierarchy._nykom=*&format=json",
                        "/data/y60a02?mgroup.*=*&period.M=latest:60&hierarchy._nykom=/&format=json"));
        // The real figures, and the table named as Jobindsats names it.
        RestAssured.given().when().get("/api/v1/areas/157/tables/y60a02/key-figures?period=2026-07"
                + "&measure=antal-fuldtidspersoner").then().statusCode(200).body("rows[0].value", is(558));
        RestAssured.given().when().get("/api/v1/areas/000/tables/y60a02/key-figures?period=2026-07"
                + "&measure=antal-fuldtidspersoner").then().statusCode(200).body("rows[0].value", is(83581));
        RestAssured.given().when().get("/api/v1/tables/y60a02").then().statusCode(200).body("name", is("Kontanthjælp"));
        synchronized (LOG) {
            assertTrue(LOG.stream().anyMatch(line -> line.contains("Pull of subscription " + id + " (y60a02): Stored")),
                    "the log is read");
        }
        // Each data request as the API's users send it, with the key as a bearer token.
        jobindsats().verify(2, getRequestedFor(urlPathEqualTo(DATA))
                .withHeader("Authorization", equalTo("Bearer " + JobindsatsStandIn.KEY))
                .withQueryParam("format", equalTo("json"))
                .withQueryParam("mgroup.*", equalTo("*"))
                .withQueryParam("period.M", equalTo("latest:60")));
        given().when().get("/api/v1/syncs/" + id).then().statusCode(200)
                .body("jobindsats.name", is("Kontanthjælp"))
                .body("jobindsats.updateLatest", is("2026-08-20"))
                .body("jobindsats.updateNext", is("2026-09-17"))
                .body("lastRun.importId", is((int) importId))
                .body("schedule", nullValue())
                .body("nextRun", nullValue());
        // The import history as an analyst opens it in Excel says where the import came from.
        String history = RestAssured.given().when().get("/api/v1/imports?format=csv-da").then().statusCode(200)
                .extract().asString();
        assertTrue(history.lines().findFirst().orElseThrow().contains("Hentet fra Jobindsats, abonnement"), history);
        assertTrue(history.contains("/data/y60a02?mgroup.*=*&period.M=latest:60&hierarchy._nykom=*&format=json"),
                history);
        RestAssured.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("noegletal_syncs_seconds_count{outcome=\"imported\",trigger=\"manual\"}"))
                .body(containsString("noegletal_sync_requests_total"));
    }

    @Test
    void aSecondPullWithNothingNewIsUnchangedAndLeavesTheDataVersion() {
        long id = subscribe(SUBSCRIPTION);
        pull(id).statusCode(201).body("outcome", is("imported"));
        String before = etag();
        long observations = testData.countObservations();
        // Jobindsats says it updated the table, but its figures are the same.
        catalogue("2026-08-21");
        pull(id).statusCode(201)
                .body("outcome", is("unchanged"))
                .body("updateLatest", is("2026-08-21"))
                .body("sentence", containsString("nothing new"))
                .body("importId", notNullValue());
        assertEquals(before, etag(), "no new data version");
        assertEquals(observations, testData.countObservations());
    }

    @Test
    void anUpdateLatestThatHasNotMovedSkipsTheDataRequest() {
        long id = subscribe(SUBSCRIPTION);
        pull(id).statusCode(201).body("outcome", is("imported"));
        long newest = testData.newestImportId();
        pull(id).statusCode(201)
                .body("outcome", is("skipped"))
                .body("importId", nullValue())
                .body("sentence", containsString("update_latest 2026-08-20"));
        jobindsats().verify(2, getRequestedFor(urlPathEqualTo(DATA)));
        assertEquals(newest, testData.newestImportId(), "no import");
        // Asked to, it pulls all the same.
        given().when().post("/api/v1/syncs/" + id + "/run?force=true").then().statusCode(201)
                .body("outcome", is("unchanged"));
        jobindsats().verify(4, getRequestedFor(urlPathEqualTo(DATA)));
    }

    @Test
    void tooManyRequestsIsAskedAgainAndLands() {
        jobindsats().stubFor(data("*").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"code\": 429, \"cause\": \"Too many requests\"}"))
                .willSetStateTo("calm"));
        jobindsats().stubFor(data("*").inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("answering"));
        jobindsats().stubFor(data("*").inScenario("busy").whenScenarioStateIs("answering")
                .willReturn(json(municipalities)));
        long id = subscribe(SUBSCRIPTION);
        pull(id).statusCode(201).body("outcome", is("imported")).body("attempts", is(6)).body("rows", is(5940));
        jobindsats().verify(4, getRequestedFor(urlPathEqualTo(DATA)));
    }

    @Test
    void anUnprocessableSelectionEndsThePullWithJobindsatsCauseAndStoresNothing() {
        jobindsats().stubFor(data("*").willReturn(aResponse().withStatus(422).withHeader("Content-Type",
                "application/json").withBody("{\"code\":422,\"cause\":\"Unknown hierarchies: ['_nykom']\","
                        + "\"request_id\":\"9c1f3e7a-422\"}")));
        assertStoresNothing(422, "Unknown hierarchies: ['_nykom']", "9c1f3e7a-422", "(422)");
        // Not asked again: a refusal is not a passing failure.
        jobindsats().verify(1, getRequestedFor(urlPathEqualTo(DATA)));
    }

    @Test
    void aRefusedKeyEndsThePullWithJobindsatsCauseAndStoresNothing() {
        jobindsats().stubFor(get(urlPathEqualTo("/v3/table/y60a02")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":401,\"cause\":\"Invalid or "
                        + "expired token\",\"request_id\":\"5d2b-401\"}")));
        assertStoresNothing(401, "Invalid or expired token", "5d2b-401", "NOEGLETAL_JOBINDSATS_KEY");
        jobindsats().verify(0, getRequestedFor(urlPathEqualTo(DATA)));
    }

    @Test
    void aTimeOutStoresNothing() {
        jobindsats().stubFor(data("/").willReturn(json(country).withFixedDelay(10000)));
        assertStoresNothing(0, null, null, "did not answer within 3 s");
    }

    @Test
    void theCountryFailingAfterTheRetriesStoresNoneOfTheMunicipalities() {
        jobindsats().stubFor(data("/").willReturn(aResponse().withStatus(500).withBody("{\"code\":500,\"cause\":"
                + "\"Internal error\",\"request_id\":\"77-500\"}")));
        assertStoresNothing(500, "Internal error", "77-500", "also when asked again");
        // The municipalities once, the country four times (three retries).
        jobindsats().verify(5, getRequestedFor(urlPathEqualTo(DATA)));
    }

    private void assertStoresNothing(int status, String cause, String requestId, String sentence) {
        long id = subscribe(SUBSCRIPTION);
        long observations = testData.countObservations();
        long newest = testData.newestImportId();
        String instance = given().when().post("/api/v1/syncs/" + id + "/run").then().log().ifValidationFails()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", is("urn:noegletal:problem:pull-failed"))
                .body("detail", containsString(sentence))
                .body("upstream.status", is(status))
                .body("upstream.cause", is(cause))
                .body("upstream.requestId", is(requestId))
                .body("instance", startsWith("/api/v1/syncs/" + id + "/runs/"))
                .extract().jsonPath().getString("instance");
        given().when().get(instance).then().statusCode(200)
                .body("outcome", is("failed"))
                .body("importId", nullValue())
                .body("jobindsats.status", is(status))
                .body("jobindsats.cause", is(cause))
                .body("jobindsats.requestId", is(requestId))
                .body("sentence", containsString(sentence));
        given().when().get("/api/v1/syncs/" + id).then().statusCode(200)
                .body("lastRun.outcome", is("failed"))
                .body("jobindsats.updateLatest", nullValue());
        assertEquals(observations, testData.countObservations(), "no observation stored");
        assertEquals(newest, testData.newestImportId(), "no import recorded");
        RestAssured.given().when().get("/api/v1/tables/y60a02").then().statusCode(404);
    }

    @Test
    void theKeyIsInNoAnswerAndNowhereInTheDatabase() {
        long id = subscribe(SUBSCRIPTION);
        pull(id).statusCode(201);
        jobindsats().stubFor(data("*").willReturn(aResponse().withStatus(422).withBody("{\"code\":422,\"cause\":"
                + "\"Requested latest:40 for type Q, but only 29 periods are available.\",\"request_id\":\"q-40\"}")));
        given().when().post("/api/v1/syncs/" + id + "/run?force=true").then().statusCode(502)
                .body(not(containsString(JobindsatsStandIn.KEY)));
        for (String read : List.of("/api/v1/syncs", "/api/v1/syncs/" + id, "/api/v1/syncs/" + id + "/runs",
                "/api/v1/imports", "/q/metrics")) {
            String body = given().when().get(read).then().statusCode(200).extract().asString();
            assertFalse(body.contains(JobindsatsStandIn.KEY), read + " shows the key");
        }
        assertFalse(testData.everyValueOf("sync", "sync_run", "import_run").contains(JobindsatsStandIn.KEY));
        // It did reach Jobindsats, in the header.
        jobindsats().verify(getRequestedFor(urlPathEqualTo(DATA)).withHeader("Authorization",
                equalTo("Bearer " + JobindsatsStandIn.KEY)));
    }

    @Test
    void aScheduleRunsThePullAndCanBeEnded() throws InterruptedException {
        long id = subscribe(SUBSCRIPTION.replace("}}", "}, \"schedule\": \"* * * * * ?\"}"));
        given().when().get("/api/v1/syncs/" + id).then().statusCode(200).body("schedule", is("* * * * * ?"))
                .body("nextRun", notNullValue());
        List<String> triggers = List.of();
        for (int wait = 0; wait < 300 && triggers.isEmpty(); wait++) {
            Thread.sleep(100);
            triggers = given().when().get("/api/v1/syncs/" + id + "/runs").then().statusCode(200).extract()
                    .jsonPath().getList("findAll { it.outcome != 'running' }.trigger", String.class);
        }
        assertEquals("schedule", triggers.isEmpty() ? null : triggers.get(triggers.size() - 1));
        given().contentType("application/json").body(SUBSCRIPTION).when().put("/api/v1/syncs/" + id).then()
                .statusCode(200).body("schedule", nullValue()).body("nextRun", nullValue());
    }

    @Test
    void aSubscriptionHasDefaultsAndCanBeChanged() {
        long id = subscribe("{\"table\": \"Y60A02\", \"periods\": {\"m\": \"latest:14\"}, \"dimensions\": "
                + "{\"_ygrpi09\": \"*\"}}");
        given().when().get("/api/v1/syncs/" + id).then().statusCode(200)
                .body("table", is("y60a02"))
                .body("areas.hierarchy", is("_nykom"))
                .body("areas.members", is("*"))
                .body("areas.country", is(true))
                .body("periods.M", is("latest:14"))
                .body("measureGroups.'*'", is("*"))
                .body("requests", contains(
                        "/data/y60a02?mgroup.*=*&period.M=latest:14&hierarchy._ygrpi09=*&hierarchy._nykom=*"
                                + "&format=json",
                        "/data/y60a02?mgroup.*=*&period.M=latest:14&hierarchy._ygrpi09=*&hierarchy._nykom=/"
                                + "&format=json"))
                .body("lastRun", nullValue());
        given().contentType("application/json").body("{\"table\": \"y60a02\", \"periods\": {\"Y\": \"2024,2025\"}, "
                + "\"areas\": {\"members\": \"/\"}}").when().put("/api/v1/syncs/" + id).then().statusCode(200)
                .body("requests", contains("/data/y60a02?mgroup.*=*&period.Y=2024,2025&hierarchy._nykom=/"
                        + "&format=json"));
        given().when().get("/api/v1/syncs").then().statusCode(200).body("id", contains((int) id));
        given().when().delete("/api/v1/syncs/" + id).then().statusCode(204);
        given().when().get("/api/v1/syncs/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("detail", is("There is no subscription with id "
                        + id + "."));
    }

    @Test
    void aBadSubscriptionIsRefusedWithASentenceAndNothingIsRecorded() {
        Map<String, String> refused = Map.of(
                "{\"periods\": {\"M\": \"latest:14\"}}", "needs the Jobindsats table id",
                "{\"table\": \"y60a02\"}", "needs its periods per period type",
                "{\"table\": \"y60a02\", \"periods\": {\"QMAT\": \"latest:4\"}}", "rolling sum",
                "{\"table\": \"y60a02\", \"periods\": {\"M\": \"2025Q1\"}}", "not a period of type M",
                "{\"table\": \"y60a02\", \"periods\": {\"M\": \"latest:14&x=1\"}}", "periods.M must be",
                "{\"table\": \"y60a02\", \"periods\": {\"M\": \"latest:14\"}, \"schedule\": \"every night\"}",
                "not a cron expression",
                "{\"table\": \"maalgrupper\", \"periods\": {\"M\": \"latest:14\"}}", "built in",
                "{\"table\": \"y60a02\", \"periods\": {\"M\": \"latest:14\"}, \"dimensions\": {\"nykom kommuner\": "
                        + "\"*\"}}", "not a Jobindsats hierarchy id");
        refused.forEach((body, sentence) -> given().contentType("application/json").body(body)
                .when().post("/api/v1/syncs").then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("urn:noegletal:problem:invalid-subscription"))
                .body("detail", containsString(sentence)));
        given().when().get("/api/v1/syncs").then().statusCode(200).body("$", emptyIterable());
        given().when().post("/api/v1/syncs/999/run").then().statusCode(404);
        given().when().get("/api/v1/syncs/abc").then().statusCode(404);
        given().when().get("/api/v1/syncs/1/runs?limit=0").then().statusCode(400);
    }

    @Test
    void onlyAnEditorSubscribesPullsOrReads() {
        RestAssured.given().when().get("/api/v1/syncs").then().statusCode(401);
        RestAssured.given().contentType("application/json").body(SUBSCRIPTION).when().post("/api/v1/syncs").then()
                .statusCode(401);
        RestAssured.given().auth().preemptive().basic("viewer", "test-viewer-password").when()
                .get("/api/v1/syncs").then().statusCode(403);
        RestAssured.given().auth().preemptive().basic("viewer", "test-viewer-password").when()
                .post("/api/v1/syncs/1/run").then().statusCode(403);
        jobindsats().verify(0, getRequestedFor(urlPathEqualTo(DATA)));
        // The imports a pull made are read like every other import.
        assertEquals(Fixtures.EDITOR, "editor");
    }
}
