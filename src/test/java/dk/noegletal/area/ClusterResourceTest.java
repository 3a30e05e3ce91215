package dk.noegletal.area;

import static dk.noegletal.Fixtures.given;
import static dk.noegletal.Fixtures.number;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dk.noegletal.Fixtures;
import dk.noegletal.ImportingTest;
import dk.noegletal.common.Problem;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClusterResourceTest extends ImportingTest {

    @AfterEach
    void removeCluster() {
        given().delete("/api/v1/clusters/vestegn");
    }

    @Test
    void aClusterSumsItsMembers() {
        create(Map.of("code", "vestegn", "name", "Vestegnen", "members", List.of("151", "153", "165")))
                .statusCode(201)
                .header("Location", containsString("/api/v1/clusters/vestegn"))
                .body("type", equalTo("CLUSTER"))
                .body("members", contains("151", "153", "165"));
        importCsv("""
                area,target_group,measure,period,value
                151,dagpenge,full-time-persons,2037,10
                153,dagpenge,full-time-persons,2037,20
                165,dagpenge,full-time-persons,2037,30.5
                151,,population-16-66,2037,1000
                153,,population-16-66,2037,2000
                165,,population-16-66,2037,3100
                000,dagpenge,full-time-persons,2037,6050
                """);

        // 10 + 20 + 30.5 = 60.5 full-time persons; 60.5 / 6100 × 100 = 0.99180327868852459016 % of the population.
        given().config(Fixtures.EXACT_NUMBERS)
                .when().get("/api/v1/areas/vestegn/key-figures?period=2037&targetGroup=dagpenge")
                .then().statusCode(200)
                .body("area.name", equalTo("Vestegnen"))
                .body("groups[0].fullTimePersons", number("60.5"))
                .body("groups[0].shareOfPopulation.value", number("0.99180327868852459016"))
                .body("groups[0].nationalShare.value", number("1"));
        given().config(Fixtures.EXACT_NUMBERS)
                .queryParam("area", "vestegn").queryParam("targetGroup", "dagpenge")
                .when().get("/api/v1/series")
                .then().statusCode(200)
                .body("points.period", contains("2037"))
                .body("points[0].value", number("60.5"));
        given().queryParam("type", "CLUSTER").when().get("/api/v1/areas")
                .then().statusCode(200).body("code", hasItem("vestegn"));
    }

    @Test
    void aClusterWhoseMemberLacksAValueHasNoSum() {
        create(Map.of("code", "vestegn", "name", "Vestegnen", "members", List.of("151", "153"))).statusCode(201);
        importCsv("area,target_group,measure,period,value\n151,dagpenge,full-time-persons,2037,10\n");

        given().when().get("/api/v1/areas/vestegn/key-figures?period=2037&targetGroup=dagpenge")
                .then().statusCode(200)
                .body("groups[0].fullTimePersons", equalTo(null))
                .body("groups[0].notes.find { it.field == 'fullTimePersons' }.reason", equalTo("no-data"));
    }

    @Test
    void rejectsAClusterWithAnUnknownMember() {
        create(Map.of("code", "vestegn", "name", "Vestegnen", "members", List.of("151", "999")))
                .statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Unknown member code: 999. Members are municipality codes "
                        + "(see /api/v1/areas?type=MUNICIPALITY)."));
        given().when().get("/api/v1/clusters/vestegn").then().statusCode(404);
    }

    @Test
    void rejectsRegionsAsMembersAndMissingFields() {
        create(Map.of("code", "vestegn", "name", "Vestegnen", "members", List.of("151", "1084")))
                .statusCode(400).body("detail", containsString("Only municipalities can be members; not 1084"));
        create(Map.of("code", "vestegn", "members", List.of("151")))
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("name: a cluster needs a name"));
        create(Map.of("code", "157", "name", "Tal", "members", List.of("151")))
                .statusCode(400).body("detail", containsString("starts with a letter"));
    }

    @Test
    void rejectsABodyThatGivesAKeyTwice() {
        given().contentType("application/json")
                .body("{\"code\": \"vestegn\", \"name\": \"Vestegnen\", \"members\": [\"151\"], "
                        + "\"members\": [\"153\"]}")
                .when().post("/api/v1/clusters")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("The key 'members' appears twice in one object (line 1, column 71); each key "
                        + "may appear only once."));
        given().when().get("/api/v1/clusters/vestegn").then().statusCode(404);
    }

    @Test
    void codesAndNamesAreUnique() {
        create(Map.of("code", "vestegn", "name", "Vestegnen", "members", List.of("151"))).statusCode(201);
        create(Map.of("code", "vestegn", "name", "Andet navn", "members", List.of("151")))
                .statusCode(409).body("detail", equalTo("There is already an area with code vestegn."));
        given().contentType("application/json")
                .body(Map.of("name", "Gentofte", "members", List.of("151")))
                .when().put("/api/v1/clusters/vestegn")
                .then().statusCode(409).body("detail", equalTo("There is already an area named Gentofte."));
    }

    @Test
    void replacesAndDeletesACluster() {
        create(Map.of("code", "vestegn", "name", "Vestegnen", "members", List.of("151"))).statusCode(201);
        given().contentType("application/json")
                .body(Map.of("name", "Vestegnen og Glostrup", "members", List.of("151", "161")))
                .when().put("/api/v1/clusters/vestegn")
                .then().statusCode(200).body("name", equalTo("Vestegnen og Glostrup"))
                .body("members", contains("151", "161"));
        given().when().delete("/api/v1/clusters/vestegn").then().statusCode(204);
        given().when().get("/api/v1/clusters/vestegn").then().statusCode(404);
        given().when().get("/api/v1/clusters").then().statusCode(200).body("code", not(hasItem("vestegn")));
        given().when().delete("/api/v1/clusters/vestegn").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void clusterValuesCannotBeImported() {
        create(Map.of("code", "vestegn", "name", "Vestegnen", "members", List.of("151"))).statusCode(201);
        given().contentType("text/csv")
                .body("area,target_group,measure,period,value\nvestegn,dagpenge,full-time-persons,2037,1\n")
                .when().post("/api/v1/imports")
                .then().statusCode(400).body("errors[0].message", containsString("unknown area 'vestegn'"));
    }

    private static io.restassured.response.ValidatableResponse create(Map<String, Object> body) {
        return given().contentType("application/json").body(body).when().post("/api/v1/clusters").then();
    }

}
