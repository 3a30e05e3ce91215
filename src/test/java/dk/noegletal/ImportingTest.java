package dk.noegletal;

import static dk.noegletal.Fixtures.given;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test that imports its own data and removes it afterwards, leaving the demo data as it found it. */
public abstract class ImportingTest {

    @Inject
    protected TestData testData;

    private long before;

    @BeforeEach
    void rememberNewestImport() {
        before = testData.newestImportId();
    }

    @AfterEach
    void removeOwnImports() {
        testData.removeImportsAfter(before);
    }

    /** Imports a tidy CSV file and answers the new import's id. */
    protected static long importCsv(String csv) {
        return given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
