package dk.noegletal.keyfigure;

import static dk.noegletal.Fixtures.number;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.noegletal.Fixtures;
import dk.noegletal.PublishedAppendix;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Reproduces Gentofte's published key-figure appendix 2016-2018 from the demo data (its annual averages, and
 * country values derived from its national shares).
 */
@QuarkusTest
class PublishedAppendixTest {

    private static final List<Map<String, String>> PUBLISHED = PublishedAppendix.ROWS;

    @Test
    void dagpengeRoseByOnePointSevenFivePercentIn2018() {
        given().when().get("/api/v1/areas/157/key-figures?period=2018&targetGroup=dagpenge")
                .then().statusCode(200)
                .body("groups", org.hamcrest.Matchers.hasSize(1))
                .body("groups[0].fullTimePersons", number("816"))
                .body("groups[0].previousYear", number("802"))
                .body("groups[0].change.absolute", number("14"))
                .body("groups[0].valueSource", equalTo("own"))
                .body("groups[0].completeness.basis", equalTo("as-imported"))
                .body("groups[0].completeness.partial", equalTo(false));
        BigDecimal percent = percent("2018", "dagpenge");
        assertEquals(new BigDecimal("1.75"), percent.setScale(2, RoundingMode.HALF_UP));
    }

    @Test
    void integrationsydelseIsKnownWhileItsSubGroupsAreSuppressed() {
        JsonPath figures = keyFigures("2018");
        assertEquals(0, new BigDecimal("227").compareTo(figures.getObject(
                "groups.find { it.targetGroup.code == 'integrationsydelse' }.fullTimePersons", BigDecimal.class)));
        List<Map<String, Object>> subGroups = figures.getList(
                "groups.findAll { it.targetGroup.parentCode == 'integrationsydelse' }");
        assertEquals(5, subGroups.size());
        for (Map<String, Object> subGroup : subGroups) {
            assertNull(subGroup.get("fullTimePersons"));
            List<Map<String, String>> notes = (List<Map<String, String>>) subGroup.get("notes");
            assertTrue(notes.contains(Map.of("field", "fullTimePersons", "reason", "suppressed",
                    "message", "Jobindsats suppressed a value this figure is built from.")), notes.toString());
        }
    }

    @Test
    void zeroToZeroHasNoPercentChange() {
        given().when().get("/api/v1/areas/157/key-figures?period=2018&targetGroup=midlertidig-arbejdsmarkedsydelse")
                .then().statusCode(200)
                .body("groups[0].fullTimePersons", number("0"))
                .body("groups[0].previousYear", number("0"))
                .body("groups[0].change.absolute", number("0"))
                .body("groups[0].change.percent", nullValue())
                .body("groups[0].notes.findAll { it.field == 'change.percent' }.reason", contains("zero-base"));
    }

    @Test
    void groupsComeInCatalogueOrderThenTheTotal() {
        List<String> published = PUBLISHED.stream().filter(row -> row.get("year").equals("2018"))
                .map(row -> row.get("target_group")).toList();
        given().when().get("/api/v1/areas/157/key-figures?period=2018")
                .then().statusCode(200)
                .body("groups.targetGroup.code", equalTo(published))
                .body("groups[-1].targetGroup.name", equalTo("I alt"))
                .body("groups[-1].valueSource", equalTo("sum-of-top-level-groups"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016", "2017", "2018"})
    void nationalSharesEqualThePublishedOnes(String year) {
        JsonPath figures = keyFigures(year);
        int compared = 0;
        for (Map<String, String> row : PUBLISHED) {
            String share = row.get("national_share_pct");
            if (!row.get("year").equals(year) || row.get("target_group").equals("i-alt")
                    || !PublishedAppendix.isNumber(share)
                    || new BigDecimal(share).signum() == 0) {
                continue;
            }
            Map<String, Object> national = figures.getMap("groups.find { it.targetGroup.code == '"
                    + row.get("target_group") + "' }.nationalShare");
            assertEquals("country", national.get("source"));
            BigDecimal value = new BigDecimal(national.get("value").toString());
            assertEquals(new BigDecimal(share), value.setScale(2, RoundingMode.HALF_UP), row.toString());
            compared++;
        }
        assertTrue(compared >= 20, "compared " + compared);
    }

    /** Every published change is recomputed; see {@link PublishedAppendix} for the bound and why. */
    @ParameterizedTest
    @CsvSource({"2017, 29", "2018, 22"})
    void publishedChangesAgreeWithinTheRoundingOfTheAverages(String year, int comparable) {
        JsonPath figures = keyFigures(year);
        int compared = 0;
        for (Map<String, String> row : PUBLISHED) {
            String published = row.get("published_change_pct");
            if (!row.get("year").equals(year)) {
                continue;
            }
            String group = row.get("target_group");
            Map<String, Object> figure = figures.getMap("groups.find { it.targetGroup.code == '" + group + "' }");
            assertNotNull(figure, group);
            Object percent = ((Map<?, ?>) figure.get("change")).get("percent");
            if (!PublishedAppendix.isNumber(published)) {
                assertNull(percent, row.toString());
                continue;
            }
            BigDecimal current = new BigDecimal(figure.get("fullTimePersons").toString());
            BigDecimal previous = new BigDecimal(figure.get("previousYear").toString());
            if (previous.signum() == 0) {
                assertNull(percent, row.toString());
                assertTrue(((List<Map<String, String>>) figure.get("notes")).stream()
                        .anyMatch(note -> note.get("field").equals("change.percent")
                                && note.get("reason").equals("zero-base")), row.toString());
                continue;
            }
            PublishedAppendix.assertChangeWithinRoundingBound(group, year, current, previous,
                    new BigDecimal(percent.toString()), published);
            compared++;
        }
        // Every row with a published change and a non-zero earlier value was compared.
        assertEquals(comparable, compared);
    }

    @Test
    void explainsEveryNullFigure() {
        given().when().get("/api/v1/areas/157/key-figures?period=2018")
                .then().statusCode(200)
                .body("groups.find { it.targetGroup.code == 'dagpenge' }.notes.reason",
                        everyItem(equalTo("no-population")))
                .body("groups.find { it.targetGroup.code == 'ny-midlertidig-kontantydelse' }.notes.reason",
                        hasItem("no-national-figure"));
    }

    private static BigDecimal percent(String year, String group) {
        return keyFigures(year).getObject("groups.find { it.targetGroup.code == '" + group + "' }.change.percent",
                BigDecimal.class);
    }

    private static JsonPath keyFigures(String year) {
        return given().config(Fixtures.EXACT_NUMBERS).queryParam("period", year)
                .when().get("/api/v1/areas/157/key-figures")
                .then().statusCode(200).extract().jsonPath();
    }
}
