package dk.noegletal.common;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.noegletal.ImportingTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Import files are received without a worker thread, within a budget of bytes (4 MB in the tests, a body at most
 * 2 MB): uploads that are still arriving hold their announced length, and one that does not fit is answered at
 * once with a 503 problem and Retry-After, while reads go on.
 */
@QuarkusTest
class UploadBudgetTest extends ImportingTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anUploadBeyondTheBudgetIsBusyAndReadsGoOn() throws IOException {
        List<Socket> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                uploads.add(startUpload(2_000_000));
            }
            // The server takes the three in an order of its own: whichever came last does not fit and is answered
            // at once, while the two others wait for the rest of their bodies.
            List<String> answers = new ArrayList<>();
            for (Socket upload : uploads) {
                answers.add(answerWithin(upload, 3_000));
            }
            List<String> refused = answers.stream().filter(answer -> !answer.isEmpty()).toList();
            assertEquals(1, refused.size(), answers.toString());
            String answer = refused.get(0);
            assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("retry-after: 5"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(answer.contains("send the file again in a few seconds"), answer);

            RestAssured.given().when().get("/api/v1/areas/157").then().statusCode(200);
        } finally {
            for (Socket socket : uploads) {
                socket.close();
            }
        }
        // Closed uploads give their share back: an import fits again.
        await(() -> importCsv("area,target_group,measure,period,value\n101,dagpenge,full-time-persons,2053-01,5\n"));
        RestAssured.given().queryParam("area", "101").queryParam("targetGroup", "dagpenge").queryParam("from", "2053")
                .when().get("/api/v1/series").then().statusCode(200).body("points[0].value", equalTo(5));
    }

    /** Sends the headers of an editor's import of the given length and the first bytes of its body, then waits. */
    private Socket startUpload(int length) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        OutputStream out = socket.getOutputStream();
        String credentials = java.util.Base64.getEncoder()
                .encodeToString("editor:test-editor-password".getBytes(StandardCharsets.UTF_8));
        out.write(("POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                + "Authorization: Basic " + credentials + "\r\nContent-Length: " + length + "\r\n\r\n"
                + "area,target_group,measure,period,value\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** What the server answered on the socket within the time, or "" when it said nothing. */
    private static String answerWithin(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        StringBuilder answer = new StringBuilder();
        try {
            int read;
            while ((read = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException silent) {
            // nothing (more) was said
        }
        return answer.toString();
    }

    /** The server notices closed connections a moment after they close. */
    private static void await(Runnable attempt) {
        AssertionError last = null;
        for (int i = 0; i < 50; i++) {
            try {
                attempt.run();
                return;
            } catch (AssertionError e) {
                last = e;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }
}
