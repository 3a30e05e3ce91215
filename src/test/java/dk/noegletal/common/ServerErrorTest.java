package dk.noegletal.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server error, an Error such as OutOfMemoryError included, is a problem with an incident id that the log holds
 * with the whole failure, and no class name or stack trace in the answer; in JAX-RS and outside it.
 */
@QuarkusTest
class ServerErrorTest {

    private static final String INCIDENT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        Logger.getLogger(ProblemMapper.class.getName()).addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        Logger.getLogger(ProblemMapper.class.getName()).removeHandler(capture);
    }

    @ParameterizedTest
    @CsvSource({
        "jaxrs, out-of-memory, OutOfMemoryError",
        "jaxrs, stack-overflow, StackOverflowError",
        "jaxrs, assertion, AssertionError",
        "jaxrs, exception, IllegalStateException",
        "vertx, out-of-memory, OutOfMemoryError",
        "vertx, stack-overflow, StackOverflowError",
        "vertx, exception, IllegalStateException"})
    void aServerErrorIsAProblemWithAnIncidentIdThatTheLogHolds(String layer, String kind, String thrown) {
        Response response = given().accept("application/json")
                .when().get("/test-failures/" + layer + "/" + kind);

        response.then().statusCode(500).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:noegletal:problem:internal-error"))
                .body("title", equalTo("Internal error"))
                .body("status", equalTo(500))
                .body("detail", matchesPattern("The service failed to answer this request; the incident is logged as "
                        + INCIDENT + "\\."));
        String body = response.asString();
        for (String internal : List.of(thrown, "java.", "dk.noegletal", "test", "stack", "Error id")) {
            assertFalse(body.contains(internal), () -> "'" + internal + "' in " + body);
        }
        String incident = response.jsonPath().getString("detail").replaceAll(".* as (" + INCIDENT + ")\\.", "$1");
        LogRecord record = logged.stream()
                .filter(logRecord -> logRecord.getMessage().contains(incident))
                .findFirst().orElseThrow(() -> new AssertionError("no log record of incident " + incident));
        assertEquals(thrown, record.getThrown().getClass().getSimpleName());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 405, 413})
    void aClientErrorOutsideJaxRsIsAProblemOfItsStatus(int status) {
        given().when().get("/test-failures/vertx-status/" + status)
                .then().statusCode(status).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("type", equalTo("urn:noegletal:problem:http-" + status));
        assertTrue(logged.isEmpty(), "a client's error is not the service's incident");
    }
}
