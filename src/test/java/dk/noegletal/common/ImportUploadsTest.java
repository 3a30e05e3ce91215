package dk.noegletal.common;

import static dk.noegletal.Fixtures.given;
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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Import files are received to disk without a worker thread, within limits (in the tests a file of at most 4 MB,
 * 8 MB of files at once): uploads that are still arriving hold their announced length, one that does not fit is
 * answered at once with a 503 problem and Retry-After while reads go on, and a file without a length is cut off with
 * a 413 problem when it passes the limit. However an upload ends, its file is deleted.
 */
@QuarkusTest
class ImportUploadsTest extends ImportingTest {

    private static final String HEADER = "area,target_group,measure,period,value\n";

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "noegletal.imports.upload-dir")
    String uploadDir;

    @Test
    void anUploadBeyondTheBudgetIsBusyAndReadsGoOn() throws IOException {
        List<Socket> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                uploads.add(startUpload(3_500_000));
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
        // Closed uploads give their share back, and their files are deleted: an import fits again.
        await(() -> assertEquals(0, filesReceiving()));
        await(() -> importCsv(HEADER + "101,dagpenge,full-time-persons,2053-01,5\n"));
        RestAssured.given().queryParam("area", "101").queryParam("targetGroup", "dagpenge").queryParam("from", "2053")
                .when().get("/api/v1/series").then().statusCode(200).body("points[0].value", equalTo(5));
    }

    @Test
    void aFileWithoutALengthIsRefusedWhenItPassesTheLimit() throws IOException {
        long stored = testData.countObservations();
        try (Socket upload = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = upload.getOutputStream();
            out.write(headers("Transfer-Encoding: chunked"));
            byte[] line = "101,dagpenge,full-time-persons,2054-01,5\n".getBytes(StandardCharsets.US_ASCII);
            byte[] chunk = new byte[64 * 1024 - 64 * 1024 % line.length];
            for (int i = 0; i < chunk.length; i += line.length) {
                System.arraycopy(line, 0, chunk, i, line.length);
            }
            // A little over 4 MB, then the client waits for the answer.
            for (int sent = 0; sent <= 4 * 1024 * 1024; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            String answer = answerWithin(upload, 10_000);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(answer.contains("The file is larger than the 4 MB one import may be; split it into several "
                    + "imports, e.g. one per year."), answer);
        }
        assertEquals(stored, testData.countObservations());
        await(() -> assertEquals(0, filesReceiving()));
    }

    @Test
    void theFileOfAClientThatLeavesMidUploadIsDeleted() throws IOException {
        try (Socket upload = startUpload(3_000_000)) {
            // The first bytes are on disk while the rest is awaited.
            await(() -> assertEquals(1, filesReceiving()));
        }
        await(() -> assertEquals(0, filesReceiving()));
        // Its share of the budget is given back: two uploads of nearly 4 MB fit again beside each other.
        try (Socket first = startUpload(3_900_000); Socket second = startUpload(3_900_000)) {
            await(() -> assertEquals(2, filesReceiving()));
            assertEquals("", answerWithin(first, 500));
        }
        await(() -> assertEquals(0, filesReceiving()));
    }

    @Test
    void aFileLargerThanTheFormerInMemoryLimitIsImportedAndDeleted() {
        // A table of the municipality's own with long member labels: 4,800 observations, some 2.9 MB of tidy CSV,
        // more than the 2 MB that the tests' configuration once held in memory.
        String csv = longLabelledTable(4, 75);
        assertTrue(csv.length() > 2_800_000, "length " + csv.length());
        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports").then().log().ifValidationFails().statusCode(201)
                .body("table", equalTo("own-long-labels"))
                .body("inserted", equalTo(4 * 4 * 4 * 75));
        RestAssured.when().get("/api/v1/tables/own-long-labels").then().statusCode(200)
                .body("periods.month.first", equalTo("2019-01"))
                .body("periods.month.latest", equalTo("2025-03"));
        assertEquals(0, filesReceiving());
    }

    @Test
    void theFileOfARejectedImportIsDeleted() {
        long stored = testData.countObservations();
        given().contentType("text/csv").body(HEADER + "101,dagpenge,full-time-persons,2055-01,many\n")
                .when().post("/api/v1/imports").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        assertEquals(stored, testData.countObservations());
        assertEquals(0, filesReceiving());
    }

    /**
     * Tidy CSV of a table with three dimensions of {@code members} members each, whose labels are long (as a
     * municipality's own descriptions of its programmes may be, quoted for their commas), for {@code months} months
     * from 2019-01.
     */
    private static String longLabelledTable(int members, int months) {
        String wording = "Borgere i virksomhedsrettet indsats hos en privat arbejdsgiver efter lov om en aktiv "
                + "beskæftigelsesindsats, med ydelse og mentorstøtte i et forløb på højst tretten uger, variant ";
        StringBuilder csv = new StringBuilder("table,area,period,Indsats,Målgruppe,Forløb,measure,value\n");
        for (int month = 0; month < months; month++) {
            String period = (2019 + month / 12) + "-" + String.format("%02d", month % 12 + 1);
            for (int a = 0; a < members; a++) {
                for (int b = 0; b < members; b++) {
                    for (int c = 0; c < members; c++) {
                        csv.append("own-long-labels,157,").append(period).append(",\"")
                                .append(wording).append("A").append(a).append("\",\"")
                                .append(wording).append("B").append(b).append("\",\"")
                                .append(wording).append("C").append(c).append("\",")
                                .append("Antal personer,").append(month + a + b + c).append('\n');
                    }
                }
            }
        }
        return csv.toString();
    }

    /** Import files on disk: being received, or waiting for or read by their import. */
    private long filesReceiving() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(uploadDir), "import-*.upload")) {
            long count = 0;
            for (Path ignored : files) {
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Sends the headers of an editor's import of the given length and the first bytes of its body, then waits. */
    private Socket startUpload(int length) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(headers("Content-Length: " + length));
        out.write(HEADER.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static byte[] headers(String length) {
        String credentials = Base64.getEncoder()
                .encodeToString("editor:test-editor-password".getBytes(StandardCharsets.UTF_8));
        return ("POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                + "Authorization: Basic " + credentials + "\r\n" + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
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

    /** The server notices closed connections, and deletes files, a moment after they close. */
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
