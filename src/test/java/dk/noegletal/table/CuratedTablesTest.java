package dk.noegletal.table;

import static dk.noegletal.Fixtures.number;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dk.noegletal.Fixtures;
import dk.noegletal.ImportingTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * The built-in målgruppe table is a table of the same model: listed in the catalogue with its target-group tree,
 * read through the same figures as any table, and fixed in shape.
 */
@QuarkusTest
class CuratedTablesTest extends ImportingTest {

    @Test
    void theMaalgruppeTableIsInTheCatalogueWithItsTree() {
        RestAssured.when().get("/api/v1/tables").then().statusCode(200)
                .body("id", hasItems("maalgrupper", "befolkning", "y60a02"));
        RestAssured.when().get("/api/v1/tables/maalgrupper").then().statusCode(200)
                .body("dimensions[0].code", equalTo("maalgruppe"))
                .body("dimensions[0].members[1].code", equalTo("kontanthjaelp"))
                .body("dimensions[0].members[1].children.code", hasItems("kontanthjaelp-jobparate",
                        "kontanthjaelp-aktivitetsparate"))
                .body("measures.code", hasItems("full-time-persons", "persons"))
                .body("periods.year.first", equalTo("2016"));
    }

    @Test
    void itsFiguresAreTheAppendixFigures() {
        // Gentofte's published appendix: 816 full-time persons on dagpenge in 2018 (the demo's import).
        RestAssured.given().config(Fixtures.EXACT_NUMBERS)
                .when().get("/api/v1/areas/157/tables/maalgrupper/key-figures?period=2018"
                        + "&member=maalgruppe:dagpenge")
                .then().statusCode(200)
                .body("rows[0].value", number(RestAssured.given().config(Fixtures.EXACT_NUMBERS)
                        .when().get("/api/v1/areas/157/key-figures?period=2018&targetGroup=dagpenge")
                        .then().statusCode(200).extract().jsonPath().getString("groups[0].fullTimePersons")));
    }

    @Test
    void itsShapeIsFixed() {
        Fixtures.given().contentType("application/json").body("{\"name\": \"x\"}")
                .when().put("/api/v1/tables/maalgrupper").then().statusCode(400)
                .body("detail", containsString("built in"));
        Fixtures.given().contentType("application/json")
                .body("{\"columns\": [\"Periode\", \"Område\", \"Antal personer\"], \"rows\": [[\"2025M05\", \"Gentofte\", 1]]}")
                .queryParam("table", "maalgrupper")
                .when().post("/api/v1/imports").then().statusCode(400)
                .body("errors[0].message", containsString("post the file without ?table="));
    }

    @Test
    void anImportThatChangesNothingLeavesTheETag() {
        String csv = "area,target_group,measure,period,value\n157,dagpenge,full-time-persons,2067-01,5\n";
        importCsv(csv);
        String tag = RestAssured.when().get("/api/v1/areas/157/key-figures?period=2067-01")
                .then().statusCode(200).extract().header("ETag");
        Fixtures.given().contentType("text/csv").body(csv).when().post("/api/v1/imports")
                .then().statusCode(201).body("unchanged", equalTo(1));
        RestAssured.when().get("/api/v1/areas/157/key-figures?period=2067-01")
                .then().statusCode(200).header("ETag", equalTo(tag));
        importCsv(csv.replace(",5\n", ",6\n"));
        RestAssured.when().get("/api/v1/areas/157/key-figures?period=2067-01")
                .then().statusCode(200).header("ETag", not(equalTo(tag)));
    }
}
