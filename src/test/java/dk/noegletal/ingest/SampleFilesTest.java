package dk.noegletal.ingest;

import static dk.noegletal.Fixtures.number;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.noegletal.Fixtures;
import dk.noegletal.ImportingTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The sample files the README imports (samples/, Gentofte's kontanthjælp from Jobindsats y60a02) import as it
 * says, and give the figures Jobindsats published.
 */
@QuarkusTest
class SampleFilesTest extends ImportingTest {

    @Test
    void theTidyCsvSampleImportsAYearOfMonths() throws IOException {
        Fixtures.given().contentType("text/csv").body(Files.readAllBytes(Path.of("samples", "gentofte-kontanthjaelp-2025.csv")))
                .queryParam("source", "gentofte-kontanthjaelp-2025.csv")
                .when().post("/api/v1/imports")
                .then().statusCode(201).body("format", equalTo("tidy-csv")).body("inserted", equalTo(24));
        // The average of the twelve monthly full-time persons Jobindsats published: 6,436 / 12.
        BigDecimal average = RestAssured.given().config(Fixtures.EXACT_NUMBERS)
                .when().get("/api/v1/areas/157/key-figures?period=2025&targetGroup=kontanthjaelp")
                .then().statusCode(200).body("groups[0].completeness.monthsPresent", equalTo(12))
                .extract().jsonPath().getObject("groups[0].fullTimePersons", BigDecimal.class);
        assertEquals(new BigDecimal("536.333"), average.setScale(3, RoundingMode.HALF_UP));
    }

    @Test
    void theJobindsatsV3SampleImportsAsItIsServed() throws IOException {
        Fixtures.given().contentType("application/json")
                .body(Files.readAllBytes(Path.of("samples", "gentofte-kontanthjaelp-2026-v3.json")))
                .when().post("/api/v1/imports")
                .then().statusCode(201).body("format", equalTo("jobindsats-v3")).body("inserted", equalTo(14));
        RestAssured.given().config(Fixtures.EXACT_NUMBERS)
                .when().get("/api/v1/areas/157/key-figures?period=2026-07&targetGroup=kontanthjaelp")
                .then().statusCode(200).body("groups[0].fullTimePersons", number("558"));
    }
}
