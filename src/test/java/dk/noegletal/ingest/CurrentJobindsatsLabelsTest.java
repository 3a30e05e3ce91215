package dk.noegletal.ingest;

import static dk.noegletal.Fixtures.given;
import static dk.noegletal.Fixtures.number;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.noegletal.Fixtures;
import dk.noegletal.ImportingTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The målgruppe table read from a current Jobindsats v3 table: its labels ("A-dagpenge mv.", "Kontanthjælp mv."),
 * its total over all groups ("Ydelsesgrupper i alt"), which is skipped, and an unknown label, which is one error for
 * its row. The years 2071-2072 are used by no other test.
 */
@QuarkusTest
class CurrentJobindsatsLabelsTest extends ImportingTest {

    /**
     * Kontanthjælp: Gentofte in August 2021 and 2022 as Jobindsats y60a02 gives it (persons, full-time persons,
     * percent of the population), moved to 2071 and 2072. Dagpenge: Gentofte's published annual averages of full-time
     * persons for 2017 and 2018, with the persons cell blanked as Jobindsats does. The totals are not real figures:
     * they must not be stored at all.
     */
    private static final String V3 = """
            {"columns": ["Periode", "Område", "Ydelsesgrupper", "Antal personer", "Antal fuldtidspersoner",
                         "Fuldtidspersoner i pct. af befolkningen 16-66 år"],
             "rows": [["2071M08", "Gentofte", "A-dagpenge mv.", "..", 802, null],
                      ["2071M08", "Gentofte", "Kontanthjælp mv.", 627, 613, 1.3],
                      ["2071M08", "Gentofte", "Ydelsesgrupper i alt", 4950, 4785, 10.3],
                      ["2072M08", "Gentofte", "A-dagpenge mv.", "..", 816, null],
                      ["2072M08", "Gentofte", "Kontanthjælp mv.", 640, 623, 1.4],
                      ["2072M08", "Gentofte", "Ydelsesgrupper i alt", 4990, 4811, 10.3]]}
            """;

    @Test
    void importsTheLabelsOfACurrentTableAndSkipsItsTotal() {
        long stored = testData.countObservations();

        postJson(V3).statusCode(201)
                .body("format", equalTo("jobindsats-v3"))
                .body("rowsRead", equalTo(8))
                .body("inserted", equalTo(8))
                .body("suppressed", equalTo(2))
                .body("ignoredColumns", contains("Fuldtidspersoner i pct. af befolkningen 16-66 år"))
                .body("periods", contains("2071-08", "2072-08"))
                .body("areas", contains("157"));

        assertEquals(stored + 8, testData.countObservations());
        series("kontanthjaelp", "full-time-persons")
                .body("points.period", contains("2071-08", "2072-08"))
                .body("points.value", contains(number("613"), number("623")));
        series("kontanthjaelp", "persons").body("points.value", contains(number("627"), number("640")));
        series("dagpenge", "full-time-persons").body("points.value", contains(number("802"), number("816")));
        series("dagpenge", "persons").body("points.status", contains("suppressed", "suppressed"));
    }

    @Test
    void reportsTheSkippedTotalRows() {
        postJson(V3).statusCode(201).body("skippedRows", equalTo(2));
    }

    @Test
    void reportsAnUnknownLabelOnceForItsRowNotOncePerMeasureColumn() {
        long stored = testData.countObservations();
        String v3 = """
                {"columns": ["Periode", "Område", "Ydelsesgrupper", "Antal personer", "Antal fuldtidspersoner"],
                 "rows": [["2071M09", "Gentofte", "Kontanthjælp mv.", 607, 590],
                          ["2071M09", "Gentofte", "Boligstøtte mv.", 12, 11]]}
                """;

        postJson(v3).statusCode(400)
                .contentType("application/problem+json")
                .body("errorCount", equalTo(1))
                .body("errors", hasSize(1))
                .body("errors[0].location", equalTo("row 2"))
                .body("errors[0].column", equalTo("Ydelsesgrupper"))
                .body("errors[0].value", equalTo("Boligstøtte mv."))
                .body("errors[0].message", containsString("unknown target group 'Boligstøtte mv.'"))
                .body("detail", containsString("row 2, column Ydelsesgrupper: unknown target group"));

        assertEquals(stored, testData.countObservations());
    }

    @Test
    void takesTheCatalogueNamesACurrentTableUsesAndRefusesPlainUddannelseshjaelp() {
        String v3 = """
                {"columns": ["Periode", "Område", "Ydelsesgrupper", "Antal fuldtidspersoner"],
                 "rows": [["2072M09", "Gentofte", "Sygedagpenge mv.", 1],
                          ["2072M09", "Gentofte", "Førtidspension", 2],
                          ["2072M09", "Gentofte", "Fleksjob", 3],
                          ["2072M09", "Gentofte", "Ledighedsydelse", 4],
                          ["2072M09", "Gentofte", "Ressourceforløb", 5],
                          ["2072M09", "Gentofte", "Jobafklaringsforløb", 6],
                          ["2072M09", "Gentofte", "Revalidering", 7]]}
                """;

        postJson(v3).statusCode(201).body("inserted", equalTo(7));
        String[] codes = {"sygedagpenge", "foertidspension", "fleksjob", "ledighedsydelse", "ressourceforloeb",
            "jobafklaringsforloeb", "revalidering"};
        for (int i = 0; i < codes.length; i++) {
            series(codes[i], "full-time-persons").body("points.value", contains(number(String.valueOf(i + 1))));
        }

        postJson(v3.replace("Revalidering", "Uddannelseshjælp")).statusCode(400)
                .body("errorCount", equalTo(1))
                .body("errors[0].message", containsString("unknown target group 'Uddannelseshjælp'"));
    }

    private static ValidatableResponse series(String group, String measure) {
        return given().config(Fixtures.EXACT_NUMBERS)
                .queryParam("area", "157").queryParam("targetGroup", group).queryParam("measure", measure)
                .queryParam("from", "2071").queryParam("to", "2072")
                .when().get("/api/v1/series")
                .then().statusCode(200);
    }

    private static ValidatableResponse postJson(String json) {
        return given().contentType("application/json").body(json.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports").then();
    }
}
