package dk.noegletal.ingest;

import static dk.noegletal.Fixtures.given;
import static dk.noegletal.Fixtures.number;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dk.noegletal.Fixtures;
import dk.noegletal.ImportingTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The målgruppe table read from a current Jobindsats v3 table. The years 2071-2072 are used by no other test. */
@QuarkusTest
class CurrentJobindsatsLabelsTest extends ImportingTest {

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
