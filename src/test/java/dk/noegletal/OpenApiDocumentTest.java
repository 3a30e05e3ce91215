package dk.noegletal;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** BI tools generate clients from the committed document, so it must be the one the service serves. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");
    private static final Path SERVED_COPY = Path.of("target", "openapi-served.yaml");

    @Test
    void committedDocumentEqualsTheServedOne() throws IOException {
        String served = given().queryParam("format", "yaml").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        Files.createDirectories(SERVED_COPY.getParent());
        Files.writeString(SERVED_COPY, served, StandardCharsets.UTF_8);

        assertTrue(Files.exists(COMMITTED), "openapi/openapi.yaml is missing; copy " + SERVED_COPY + " there");
        assertEquals(Files.readString(COMMITTED, StandardCharsets.UTF_8), served,
                "openapi/openapi.yaml differs from the served document; if the API change is intended, run "
                        + "cp " + SERVED_COPY + " " + COMMITTED + " and commit it");
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
