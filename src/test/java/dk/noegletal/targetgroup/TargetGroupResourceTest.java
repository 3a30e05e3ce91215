package dk.noegletal.targetgroup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.noegletal.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TargetGroupResourceTest {

    @Test
    void treeEqualsThePublishedCatalogue() {
        List<Map<String, Object>> tree = given().when().get("/api/v1/target-groups")
                .then().statusCode(200).extract().jsonPath().getList("$");

        List<List<String>> flattened = new ArrayList<>();
        flatten(tree, flattened);
        List<List<String>> catalogue = Fixtures.csv("catalogue/target-groups.csv").stream()
                .map(row -> List.of(row.get("code"), row.get("parent_code"), row.get("name_da"), row.get("sort_order")))
                .toList();
        assertEquals(catalogue, flattened);
    }

    @Test
    void subGroupsAreNestedUnderTheirParent() {
        given().when().get("/api/v1/target-groups/kontanthjaelp")
                .then().statusCode(200)
                .body("name", equalTo("Kontanthjælp"))
                .body("level", equalTo(0))
                .body("children", hasSize(4))
                .body("children[0].code", equalTo("kontanthjaelp-jobparate"))
                .body("children[0].level", equalTo(1))
                .body("children[0].parentCode", equalTo("kontanthjaelp"));
    }

    @Test
    void answers404ForAnUnknownGroup() {
        given().when().get("/api/v1/target-groups/boligstoette")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("There is no target group with code boligstoette."));
    }

    @Test
    void listsTheFourMeasures() {
        given().when().get("/api/v1/measures")
                .then().statusCode(200)
                .body("code", equalTo(List.of("full-time-persons", "persons", "population-16-66",
                        "labour-force-16-66")))
                .body("find { it.code == 'population-16-66' }.perTargetGroup", equalTo(false))
                .body("find { it.code == 'full-time-persons' }.label", equalTo("Antal fuldtidspersoner"));
    }

    @SuppressWarnings("unchecked")
    private static void flatten(List<Map<String, Object>> groups, List<List<String>> into) {
        for (Map<String, Object> group : groups) {
            Object parent = group.get("parentCode");
            into.add(List.of((String) group.get("code"), parent == null ? "" : (String) parent,
                    (String) group.get("name"), String.valueOf(group.get("sortOrder"))));
            flatten((List<Map<String, Object>>) group.get("children"), into);
        }
    }
}
