package dk.noegletal.table;

import static dk.noegletal.Fixtures.number;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dk.noegletal.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * The demo's real kontanthjælp table (Jobindsats y60a02: the country and 98 municipalities, monthly
 * 2021M08-2026M07) gives every figure a first run should show.
 */
@QuarkusTest
class DemoTablesTest {

    @Test
    void theMunicipalitiesRankByAnImportedRatio() {
        RestAssured.given().config(Fixtures.EXACT_NUMBERS)
                .when().get("/api/v1/tables/y60a02/ranking?period=latest"
                        + "&measure=Fuldtidspersoner i pct. af befolkningen 16-66 år")
                .then().statusCode(200)
                .body("period", equalTo("2026-07"))
                .body("ranked", equalTo(98))
                .body("rows[0].areaName", equalTo("Læsø"))
                .body("rows[0].rank", equalTo(1))
                .body("rows[0].value", number("0.8"));
    }

    @Test
    void gentofteHasChangeAndNationalShareFromTheStoredCountry() {
        // Jobindsats: Gentofte 558 full-time persons in 2026M07, 552 in 2025M07; the country 83,581, so the national
        // share is 558 / 83,581 × 100 (the sum of the 98 municipalities, 83,586, is not used beside a stored country).
        RestAssured.given().config(Fixtures.EXACT_NUMBERS)
                .when().get("/api/v1/areas/157/tables/y60a02/key-figures?period=2026-07"
                        + "&measure=antal-fuldtidspersoner")
                .then().statusCode(200)
                .body("rows[0].value", number("558"))
                .body("rows[0].previousYear", number("552"))
                .body("rows[0].change.absolute", number("6"))
                .body("rows[0].nationalShare.source", equalTo("country"))
                .body("rows[0].nationalShare.value", number("0.66761584570656010337"));
    }

    @Test
    void aRegionSumsItsMunicipalitiesButNotARatio() {
        // The 29 municipalities of Region Hovedstaden had 22,030 full-time persons on kontanthjælp in 2026M07.
        RestAssured.given().config(Fixtures.EXACT_NUMBERS)
                .when().get("/api/v1/areas/1084/tables/y60a02/key-figures?period=2026-07"
                        + "&measure=antal-fuldtidspersoner")
                .then().statusCode(200)
                .body("rows[0].value", number("22030"))
                .body("rows[0].valueSource", equalTo("sum-of-municipalities"));
        RestAssured.when().get("/api/v1/areas/1084/tables/y60a02/key-figures?period=2026-07"
                        + "&measure=fuldtidspersoner-i-pct-af-befolkningen-16-66-aar")
                .then().statusCode(200)
                .body("rows[0].value", nullValue())
                .body("rows[0].notes.find { it.field == 'value' }.reason", equalTo("not-additive"));
    }
}
