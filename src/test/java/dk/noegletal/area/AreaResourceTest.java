package dk.noegletal.area;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.noegletal.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AreaResourceTest {

    @Test
    void listsTheNinetyEightMunicipalities() {
        given().queryParam("type", "MUNICIPALITY")
                .when().get("/api/v1/areas")
                .then().statusCode(200)
                .body("$", hasSize(98))
                .body("type", everyItem(equalTo("MUNICIPALITY")))
                .body("find { it.code == '157' }.name", equalTo("Gentofte"))
                .body("find { it.code == '157' }.parent.code", equalTo("1084"))
                .body("find { it.code == '157' }.parent.name", equalTo("Region Hovedstaden"));
    }

    @Test
    void listsEveryCatalogueAreaWithItsParentInCatalogueOrder() {
        List<Map<String, String>> catalogue = Fixtures.csv("catalogue/areas.csv");
        JsonPath areas = given().when().get("/api/v1/areas").then().statusCode(200).extract().jsonPath();

        assertEquals(catalogue.stream().map(row -> row.get("code")).toList(), areas.getList("code"));
        assertEquals(catalogue.stream().map(row -> row.get("name")).toList(), areas.getList("name"));
        assertEquals(catalogue.stream().map(row -> row.get("type")).toList(), areas.getList("type"));
        List<Map<String, Object>> served = areas.getList("$");
        assertEquals(catalogue.stream().map(row -> row.get("parent_code")).toList(), served.stream()
                .map(area -> area.get("parent") == null ? "" : ((Map<?, ?>) area.get("parent")).get("code"))
                .toList());
    }

    @Test
    void filtersRegionsAndCountry() {
        given().queryParam("type", "region").when().get("/api/v1/areas")
                .then().statusCode(200).body("$", hasSize(5)).body("parent.code", everyItem(equalTo("000")));
        given().queryParam("type", "COUNTRY").when().get("/api/v1/areas")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].name", equalTo("Hele landet"));
    }

    @Test
    void rejectsAnUnknownAreaType() {
        given().queryParam("type", "KOMMUNE").when().get("/api/v1/areas")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Unknown area type 'KOMMUNE'; use MUNICIPALITY, REGION, COUNTRY or CLUSTER."));
    }

    @Test
    void getsOneAreaAndAnswers404ForAnUnknownCode() {
        given().when().get("/api/v1/areas/1084").then().statusCode(200)
                .body("name", equalTo("Region Hovedstaden")).body("type", equalTo("REGION"));
        given().when().get("/api/v1/areas/999").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("There is no area with code 999."));
    }
}
