package dk.noegletal.goal;

import static dk.noegletal.Fixtures.number;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.noegletal.Fixtures;
import dk.noegletal.ImportingTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Goals of Gentofte (157) evaluated on imported months of 2044 and the first half of 2045, and on annual values of
 * 2045 for five municipalities: the acceptance cases of the goals issue, each as a user records and reads it.
 */
@QuarkusTest
class GoalResourceTest extends ImportingTest {

    private static final String GOALS = "/api/v1/areas/157/goals";

    private long months;
    private long goalsBefore;

    @BeforeEach
    void importMonths() {
        goalsBefore = testData.newestGoalVersion();
        StringBuilder csv = new StringBuilder("area,target_group,measure,period,value\n");
        for (int month = 1; month <= 12; month++) {
            // Kontanthjælp: 910 of 10,000 (9.1 %) in 2044, 890 (8.9 %) in 2045.
            csv.append("157,kontanthjaelp,full-time-persons,2044-%02d,910\n".formatted(month));
            csv.append("157,kontanthjaelp,full-time-persons,2045-%02d,890\n".formatted(month));
            // Fleksjob: 52 every month of 2044, 47 in the first half of 2045.
            csv.append("157,fleksjob,full-time-persons,2044-%02d,52\n".formatted(month));
            if (month <= 6) {
                csv.append("157,fleksjob,full-time-persons,2045-%02d,47\n".formatted(month));
                // Uddannelseshjælp: 820 of 10,000 (8.2 %) in the first half of 2045.
                csv.append("157,uddannelseshjaelp,full-time-persons,2045-%02d,820\n".formatted(month));
            }
        }
        csv.append("157,,population-16-66,2044,10000\n157,,population-16-66,2045,10000\n");
        months = importCsv(csv.toString());
    }

    @AfterEach
    void removeGoals() {
        testData.removeGoalsAfter(goalsBefore);
    }

    @Test
    void aFallInTheShareOfPopulationIsMet() {
        long id = create("""
                {"year": 2045, "title": "Andelen på kontanthjælp skal falde",
                 "measure": {"targetGroup": "kontanthjaelp", "figure": "share-of-population"},
                 "shape": "fall"}""");
        goal(id).body("evaluation.status", equalTo("met"))
                .body("evaluation.period", equalTo("2045"))
                .body("evaluation.value", number("8.9"))
                .body("evaluation.reference.kind", equalTo("previous-year"))
                .body("evaluation.reference.value", number("9.1"))
                .body("evaluation.reference.period", equalTo("2044"))
                .body("evaluation.margin", number("-0.2"))
                .body("evaluation.completeness.monthsPresent", equalTo(12))
                .body("evaluation.onTrack", nullValue())
                .body("evaluation.sentence", equalTo("Andelen af befolkningen 16-66 år på Kontanthjælp skal falde i "
                        + "forhold til året før. I 2045 var tallet 8,9 % mod 9,1 % i 2044, et fald på 0,2 "
                        + "procentpoint. Målet er nået."))
                .body("measure.targetGroup.name", equalTo("Kontanthjælp"))
                .body("area.name", equalTo("Gentofte"));
    }

    @Test
    void aRiseInPersonsOnTheYearToDateIsNotMet() {
        long id = create("""
                {"year": 2045, "title": "Flere i fleksjob", "basis": "year-to-date",
                 "measure": {"targetGroup": "fleksjob", "figure": "full-time-persons"}, "shape": "rise"}""");
        goal(id).body("evaluation.status", equalTo("not-met"))
                .body("evaluation.value", number("47"))
                .body("evaluation.reference.value", number("52"))
                .body("evaluation.margin", number("-5"))
                .body("evaluation.completeness.monthsPresent", equalTo(6))
                .body("evaluation.sentence", containsString("I 2045 til dato (6 af 12 måneder) var tallet 47 mod 52 "
                        + "i de samme måneder af 2044, et fald på 5. Målet er ikke nået."));
    }

    @Test
    void aThresholdNotYetReachedHalfWayIsNotYetKnownAndOffTrack() {
        long id = create("""
                {"year": 2045, "title": "Under 8,0 procent på uddannelseshjælp i 2045",
                 "measure": {"targetGroup": "uddannelseshjaelp", "figure": "share-of-population"},
                 "shape": "below", "threshold": 8.0}""");
        goal(id).body("evaluation.status", equalTo("not-yet-known"))
                .body("evaluation.value", number("8.2"))
                .body("evaluation.reference.kind", equalTo("threshold"))
                .body("evaluation.onTrack", equalTo(false))
                .body("evaluation.reason.code", equalTo("period-not-complete"))
                .body("evaluation.completeness.monthsPresent", equalTo(6));
    }

    @Test
    void aRankGoalIsMetAtTheLimitNotBeyondItAndAsOfGivesTheEarlierEvaluation() {
        long first = importCsv(annual(30));
        long id = create("""
                {"year": 2045, "title": "Blandt de tre laveste på sygedagpenge",
                 "measure": {"targetGroup": "sygedagpenge", "figure": "full-time-persons"},
                 "shape": "among-lowest", "rankLimit": 3}""");
        goal(id).body("evaluation.status", equalTo("met"))
                .body("evaluation.rank", equalTo(3))
                .body("evaluation.ranked", equalTo(5))
                .body("evaluation.margin", number("0"))
                .body("evaluation.reference.kind", equalTo("rank-limit"));
        // A revision moves Gentofte above Hvidovre's 40: fourth.
        importCsv(annual(45));
        goal(id).body("evaluation.status", equalTo("not-met"))
                .body("evaluation.rank", equalTo(4))
                .body("evaluation.margin", number("-1"));
        goal(id, "?asOf=" + first).body("evaluation.status", equalTo("met"))
                .body("evaluation.rank", equalTo(3));
        // The quarterly report as of the first import is the one published then.
        given().config(Fixtures.EXACT_NUMBERS).when().get("/api/v1/areas/157/reports/quarterly/2045Q4?asOf=" + first)
                .then().statusCode(200).body("goals.find { it.id == " + id + " }.evaluation.rank", equalTo(3))
                .body("goals.find { it.id == " + id + " }.evaluation.status", equalTo("met"));
        report("2045Q4").body("goals.find { it.id == " + id + " }.evaluation.status", equalTo("not-met"));
    }

    @Test
    void aRankGoalAmongAClusterRanksItsMembersOnly() {
        importCsv(annual(45));
        Fixtures.given().contentType("application/json")
                .body("{\"code\": \"goaltest\", \"name\": \"Goal test\", \"members\": [\"101\", \"157\", \"161\"]}")
                .when().post("/api/v1/clusters").then().statusCode(201);
        try {
            long id = create("""
                    {"year": 2045, "title": "Næstlavest i klyngen", "shape": "among-lowest", "rankLimit": 2,
                     "among": "goaltest", "measure": {"targetGroup": "sygedagpenge", "figure": "full-time-persons"}}""");
            // 10 (København), 45 (Gentofte), 50 (Glostrup): second of three.
            goal(id).body("evaluation.status", equalTo("met"))
                    .body("evaluation.rank", equalTo(2))
                    .body("evaluation.ranked", equalTo(3))
                    .body("among.code", equalTo("goaltest"));
            refused("/api/v1/areas/147/goals", """
                    {"year": 2045, "title": "Ikke medlem", "shape": "among-lowest", "rankLimit": 2,
                     "among": "goaltest", "measure": {"targetGroup": "sygedagpenge", "figure": "full-time-persons"}}""",
                    "Frederiksberg is not a member of the cluster Goal test");
        } finally {
            testData.removeGoalsAfter(goalsBefore);
            Fixtures.given().when().delete("/api/v1/clusters/goaltest").then().statusCode(204);
        }
    }

    @Test
    void aChangedGoalKeepsItsIdAndAsOfReadsTheVersionThatStood() throws InterruptedException {
        String recorded = Fixtures.given().contentType("application/json").body("""
                {"year": 2045, "title": "Under 9 procent", "shape": "below", "threshold": 9,
                 "measure": {"targetGroup": "kontanthjaelp", "figure": "share-of-population"}}""")
                .when().post(GOALS).then().statusCode(201).extract().jsonPath().getString("recordedAt");
        long id = given().when().get(GOALS + "?year=2045").then().extract().jsonPath().getLong("goals[0].id");
        Thread.sleep(20);
        Fixtures.given().contentType("application/json").body("""
                {"year": 2045, "title": "Under 8,5 procent", "shape": "below", "threshold": 8.5,
                 "measure": {"targetGroup": "kontanthjaelp", "figure": "share-of-population"}}""")
                .when().put(GOALS + "/" + id).then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("evaluation.status", equalTo("not-met"));
        goal(id).body("title", equalTo("Under 8,5 procent"));
        goal(id, "?asOf=" + recorded).body("title", equalTo("Under 9 procent"))
                .body("evaluation.status", equalTo("met"));
        Fixtures.given().when().delete(GOALS + "/" + id).then().statusCode(204);
        given().when().get(GOALS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        given().when().get(GOALS + "?year=2045").then().statusCode(200).body("goals", hasSize(0));
        given().when().get(GOALS + "?year=2045&asOf=" + recorded).then().statusCode(200)
                .body("goals.title", equalTo(java.util.List.of("Under 9 procent")));
        // Read as of the months' import, the goal stands as it did until the next import: none came, so as now.
        given().when().get(GOALS + "?year=2045&asOf=" + months).then().statusCode(200).body("goals", hasSize(0));
        Fixtures.given().when().delete(GOALS + "/" + id).then().statusCode(404);
    }

    @Test
    void anOwnTableCarriesAGoalJobindsatsHasNoFigureFor() {
        importCsv("""
                table,area,period,measure,value
                own-virksomhedsservice,157,2044,Virksomhedstilfredshed i pct.,76.1
                own-virksomhedsservice,157,2045,Virksomhedstilfredshed i pct.,77.0
                """);
        long id = create("""
                {"year": 2045, "title": "Virksomhedstilfredshed min. 77,0 procent",
                 "measure": {"table": "own-virksomhedsservice", "figure": "value"},
                 "shape": "above", "threshold": 77.0, "inclusive": true}""");
        goal(id).body("evaluation.status", equalTo("met"))
                .body("evaluation.value", number("77"))
                .body("measure.table.id", equalTo("own-virksomhedsservice"))
                .body("measure.measure.kind", equalTo("ratio"))
                .body("evaluation.sentence", equalTo("Virksomhedstilfredshed i pct. (own-virksomhedsservice) "
                        + "skal være mindst 77,0 %. I 2045 var tallet 77,0 %. Målet er nået."));
    }

    @Test
    void theListIsOfTheYearAndComesAsCsvToo() {
        create("""
                {"year": 2045, "title": "Andelen på kontanthjælp skal falde", "shape": "fall",
                 "measure": {"targetGroup": "kontanthjaelp", "figure": "share-of-population"}}""");
        create("""
                {"year": 2044, "title": "Et andet år", "shape": "rise",
                 "measure": {"targetGroup": "fleksjob", "figure": "full-time-persons"}}""");
        given().when().get(GOALS + "?year=2045").then().statusCode(200)
                .body("year", equalTo(2045))
                .body("goals", hasSize(1))
                .body("goals[0].evaluation.status", equalTo("met"));
        given().when().get(GOALS).then().statusCode(200)
                .body("goals.findAll { it.year >= 2044 }.year", equalTo(java.util.List.of(2044, 2045)));
        String csv = given().accept("text/csv").when().get(GOALS + "?year=2045").then().statusCode(200)
                .extract().asString();
        String[] lines = csv.split("\r?\n");
        assertEquals(2, lines.length, csv);
        assertEquals(true, lines[0].contains("evaluation_status"), lines[0]);
        assertEquals(true, lines[1].contains(",met,"), lines[1]);
    }

    @Test
    void theQuarterlyReportListsTheGoalsAsOfItsQuarter() {
        create("""
                {"year": 2045, "title": "Andelen på kontanthjælp skal falde", "shape": "fall",
                 "measure": {"targetGroup": "kontanthjaelp", "figure": "share-of-population"}}""");
        create("""
                {"year": 2045, "title": "Flere i fleksjob", "basis": "year-to-date", "shape": "rise",
                 "measure": {"targetGroup": "fleksjob", "figure": "full-time-persons"}}""");
        report("2045Q2").body("goals", hasSize(2))
                .body("goals[0].evaluation.status", equalTo("not-yet-known"))
                .body("goals[0].evaluation.onTrack", equalTo(true))
                .body("goals[0].evaluation.completeness.monthsPresent", equalTo(6))
                .body("goals[1].evaluation.status", equalTo("not-met"));
        report("2045Q4").body("goals[0].evaluation.status", equalTo("met"))
                .body("goals[0].evaluation.completeness.monthsPresent", equalTo(12));
        // The same evaluation as the goals' own endpoint gives through the quarter.
        given().when().get(GOALS + "?year=2045&through=2045Q1").then().statusCode(200)
                .body("through", equalTo("2045-03"))
                .body("goals[0].evaluation.completeness.monthsPresent", equalTo(3));
    }

    @Test
    void badGoalsAreRefusedWithTheReasonAndNothingIsStored() {
        long before = testData.countGoalVersions();
        refused("/api/v1/areas/1084/goals", """
                {"year": 2045, "title": "Blandt de tre laveste", "shape": "among-lowest", "rankLimit": 3,
                 "measure": {"targetGroup": "sygedagpenge", "figure": "full-time-persons"}}""",
                "A rank goal ranks municipalities, and Region Hovedstaden (1084) is a region");
        refused(GOALS, """
                {"year": 2045, "title": "Under noget", "shape": "below",
                 "measure": {"targetGroup": "kontanthjaelp", "figure": "share-of-population"}}""",
                "A below goal needs a threshold");
        refused(GOALS, """
                {"year": 2045, "title": "Ukendt tabel", "shape": "fall",
                 "measure": {"table": "y99x99", "figure": "value"}}""", "There is no table 'y99x99'");
        refused(GOALS, """
                {"year": 2045, "title": "Ukendt målgruppe", "shape": "fall",
                 "measure": {"targetGroup": "pirater", "figure": "full-time-persons"}}""",
                "There is no target group 'pirater'");
        refused(GOALS, """
                {"year": 2045, "title": "Forkert form", "shape": "sideways",
                 "measure": {"targetGroup": "kontanthjaelp", "figure": "full-time-persons"}}""",
                "Unknown shape 'sideways'");
        refused(GOALS, """
                {"year": 2045, "title": "Kvartal uden nummer", "shape": "fall", "basis": "quarter",
                 "measure": {"targetGroup": "kontanthjaelp", "figure": "full-time-persons"}}""",
                "needs the quarter, 1-4");
        refused(GOALS, """
                {"year": 2045, "title": "Grundlinje på en tærskel", "shape": "below", "threshold": 8,
                 "baseline": 9, "measure": {"targetGroup": "kontanthjaelp", "figure": "full-time-persons"}}""",
                "A baseline belongs to a fall or rise goal");
        refused(GOALS, """
                {"year": 2045, "shape": "fall",
                 "measure": {"targetGroup": "kontanthjaelp", "figure": "full-time-persons"}}""",
                "a goal needs a title");
        assertEquals(before, testData.countGoalVersions());
        given().contentType("application/json").body("""
                {"year": 2045, "title": "Uden login", "shape": "fall",
                 "measure": {"targetGroup": "kontanthjaelp", "figure": "full-time-persons"}}""")
                .when().post(GOALS).then().statusCode(401);
        given().when().get("/api/v1/areas/999/goals").then().statusCode(404);
        given().when().get(GOALS + "?year=tyve").then().statusCode(400)
                .body("detail", containsString("The parameter 'year' must be a year"));
        assertEquals(before, testData.countGoalVersions());
    }

    /** Sygedagpenge in 2045 for five municipalities, Gentofte's as given: 10, 20, Gentofte, 40, 50. */
    private static String annual(int gentofte) {
        return "area,target_group,measure,period,value\n101,sygedagpenge,full-time-persons,2045,10\n"
                + "147,sygedagpenge,full-time-persons,2045,20\n157,sygedagpenge,full-time-persons,2045," + gentofte
                + "\n167,sygedagpenge,full-time-persons,2045,40\n161,sygedagpenge,full-time-persons,2045,50\n";
    }

    private static long create(String json) {
        return Fixtures.given().contentType("application/json").body(json).when().post(GOALS).then()
                .statusCode(201).header("Location", containsString(GOALS + "/")).extract().jsonPath().getLong("id");
    }

    private static void refused(String path, String json, String detail) {
        Fixtures.given().contentType("application/json").body(json).when().post(path).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString(detail));
    }

    private static ValidatableResponse goal(long id) {
        return goal(id, "");
    }

    private static ValidatableResponse goal(long id, String query) {
        return given().config(Fixtures.EXACT_NUMBERS).when().get(GOALS + "/" + id + query).then().statusCode(200);
    }

    private static ValidatableResponse report(String quarter) {
        return given().config(Fixtures.EXACT_NUMBERS).when()
                .get("/api/v1/areas/157/reports/quarterly/" + quarter).then().statusCode(200);
    }
}
