package dk.noegletal.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses and conditional headers that could be read more than one way are refused with a problem. */
@QuarkusTest
class MalformedRequestTest {

    @TestHTTPResource("/")
    URL base;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "/api/v1/areas/%FF|'%FF' is not UTF-8 text",
        "/api/v1/areas/%C0%AF|'%C0%AF' is not UTF-8 text",
        "/api/v1/series?area=%E0%A4&targetGroup=dagpenge&measure=full-time-persons|'%E0%A4' is not UTF-8 text",
        "/api/v1/areas?type=%FFMUNICIPALITY|'%FF' is not UTF-8 text",
        "/q/health/%FF|'%FF' is not UTF-8 text"})
    void anEscapeThatIsNotUtf8IsABadRequestNamingIt(String address, String problem) {
        given().urlEncodingEnabled(false)
                .when().get(address)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:noegletal:problem:invalid-address"))
                .body("detail", equalTo("The address cannot be read: " + problem
                        + ". Write it in UTF-8 with %-escapes, such as %C3%B8 for ø."));
    }

    @Test
    void utf8EscapesAreRead() {
        given().urlEncodingEnabled(false)
                .when().get("/api/v1/areas/%E2%82%AC")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("There is no area with code €."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "\"a\"b\"", "W/abc", "\"a\" \"b\"", "*, \"a\"", "\"a\";"})
    void anIfNoneMatchThatIsNotEntityTagsIsABadRequest(String ifNoneMatch) {
        given().header("If-None-Match", ifNoneMatch)
                .when().get("/api/v1/measures")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:noegletal:problem:invalid-if-none-match"))
                .body("detail", equalTo("If-None-Match must be * or entity tags as the ETag header gives them, such "
                        + "as \"Y1DfMysyd6DN\" in double quotes, comma-separated; this one cannot be read."));
    }

    @Test
    void entityTagsInEveryAllowedFormAreCompared() {
        String tag = given().when().get("/api/v1/measures").then().statusCode(200).extract().header("ETag");
        for (String ifNoneMatch : new String[] {tag, "W/" + tag, "\"other\" ,W/\"x\", " + tag, ", " + tag + ",",
            "*"}) {
            given().header("If-None-Match", ifNoneMatch)
                    .when().get("/api/v1/measures")
                    .then().statusCode(304);
        }
        given().header("If-None-Match", "\"other\", W/\"\"")
                .when().get("/api/v1/measures")
                .then().statusCode(200);
    }

    /**
     * Sent over a plain socket, as written: an HTTP client library would refuse to send these addresses (or escape
     * them first).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "/api/v1/areas/%zz|'%zz' is not a %-escape (a % and two hexadecimal digits)",
        "/api/v1/series?area=%E0%A4%A&targetGroup=dagpenge|'%A&' is not a %-escape (a % and two hexadecimal digits)",
        "/api/v1/areas?type=%|'%' is not a %-escape (a % and two hexadecimal digits)",
        "/api/v1/areas/1{5}7|the character '{' must be written %7B there",
        "/api/v1/rankings?measure=a^b|the character '^' must be written %5E there",
        "/q/health/%zz|'%zz' is not a %-escape (a % and two hexadecimal digits)"})
    void aBrokenEscapeOrACharacterAnAddressCannotHoldIsABadRequestNamingIt(String address, String problem)
            throws IOException {
        String[] response = rawGet(address);

        assertEquals("HTTP/1.1 400 Bad Request", response[0]);
        assertTrue(response[1].contains("content-type: " + Problem.MEDIA_TYPE), response[1]);
        JsonPath body = JsonPath.from(response[2]);
        assertEquals("urn:noegletal:problem:invalid-address", body.getString("type"));
        assertEquals("The address cannot be read: " + problem + ". Write it in UTF-8 with %-escapes, such as %C3%B8 "
                + "for ø.", body.getString("detail"));
    }

    @Test
    void theSameSocketReadsAGoodAddress() throws IOException {
        String[] response = rawGet("/api/v1/areas/157");

        assertEquals("HTTP/1.1 200 OK", response[0]);
        assertTrue(response[2].contains("\"name\":\"Gentofte\""), response[2]);
    }

    /** The status line, the headers (lower case) and the body of a GET sent as the bytes of its request line. */
    private String[] rawGet(String target) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            int firstLineEnd = response.indexOf("\r\n");
            return new String[] {response.substring(0, firstLineEnd),
                response.substring(firstLineEnd + 2, headEnd).toLowerCase(Locale.ROOT),
                response.substring(headEnd + 4)};
        }
    }

    @Test
    @Disabled("Not reachable from the application: Vert.x' HTTP/1 decoder refuses a header value with a control "
            + "character (If-None-Match: \"a\\u0001b\") while parsing the request, and hands the request to the "
            + "server's invalid-request handler, which Quarkus does not let an application set; Vert.x' default "
            + "answers an empty 400 and closes the connection. No route, filter or failure handler sees it.")
    void aControlCharacterInIfNoneMatchIsABadRequestProblem() {
        given().header("If-None-Match", "\"a\u0001b\"")
                .when().get("/api/v1/measures")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }
}
