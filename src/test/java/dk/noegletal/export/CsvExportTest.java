package dk.noegletal.export;

import static dk.noegletal.Fixtures.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dk.noegletal.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every tabular endpoint answers CSV with the values of its JSON, asked for by Accept header or by ?format=; read
 * from the demo data (Gentofte 2016-2018), with a CSV library.
 */
@QuarkusTest
class CsvExportTest {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String KEY_FIGURES = "/api/v1/areas/157/key-figures";

    /** The two ways to ask for CSV, which must give the same answer. */
    private static final List<UnaryOperator<RequestSpecification>> ASK_FOR_CSV = List.of(
            request -> request.accept("text/csv"),
            request -> request.queryParam("format", "csv"));

    @Test
    void areasHaveAColumnPerFieldAndTheParentFlattened() {
        List<Map<String, Object>> json = json("/api/v1/areas", Map.of()).getList("$");
        for (UnaryOperator<RequestSpecification> ask : ASK_FOR_CSV) {
            Csv csv = csv(ask, "/api/v1/areas", Map.of());

            assertEquals(List.of("code", "name", "type", "parent_code", "parent_name"), csv.header());
            assertEquals(json.size(), csv.rows().size());
            for (int i = 0; i < json.size(); i++) {
                Map<String, Object> area = json.get(i);
                Map<?, ?> parent = (Map<?, ?>) area.get("parent");
                Map<String, String> row = csv.rows().get(i);
                assertEquals(area.get("code"), row.get("code"));
                assertEquals(area.get("name"), row.get("name"));
                assertEquals(area.get("type"), row.get("type"));
                assertEquals(parent == null ? "" : parent.get("code"), row.get("parent_code"));
                assertEquals(parent == null ? "" : parent.get("name"), row.get("parent_name"));
            }
            assertEquals(98, csv.rows().stream().filter(row -> row.get("type").equals("MUNICIPALITY")).count());
            Map<String, String> gentofte = csv.find("code", "157");
            assertEquals("Gentofte", gentofte.get("name"));
            assertEquals("1084", gentofte.get("parent_code"));
        }
    }

    @Test
    void targetGroupsAreOneRowPerGroupWithParentsBeforeTheirSubGroups() {
        List<Map<String, Object>> flattened = new ArrayList<>();
        flatten(json("/api/v1/target-groups", Map.of()).getList("$"), flattened);
        for (UnaryOperator<RequestSpecification> ask : ASK_FOR_CSV) {
            Csv csv = csv(ask, "/api/v1/target-groups", Map.of());

            assertEquals(List.of("code", "name", "parent_code", "level", "sort_order"), csv.header());
            assertEquals(flattened.stream().map(group -> group.get("code")).toList(), csv.column("code"));
            assertEquals(flattened.stream().map(group -> text(group.get("parentCode"))).toList(),
                    csv.column("parent_code"));
            assertEquals(flattened.stream().map(group -> text(group.get("level"))).toList(), csv.column("level"));
            assertEquals(flattened.stream().map(group -> group.get("name")).toList(), csv.column("name"));
            Map<String, String> jobparate = csv.find("code", "kontanthjaelp-jobparate");
            assertEquals("kontanthjaelp", jobparate.get("parent_code"));
            assertEquals("1", jobparate.get("level"));
        }
    }

    @Test
    void measuresHaveTheirLabelsAndFlags() {
        List<Map<String, Object>> json = json("/api/v1/measures", Map.of()).getList("$");
        for (UnaryOperator<RequestSpecification> ask : ASK_FOR_CSV) {
            Csv csv = csv(ask, "/api/v1/measures", Map.of());

            assertEquals(json.stream().map(measure -> measure.get("code")).toList(), csv.column("code"));
            assertEquals(json.stream().map(measure -> measure.get("label")).toList(), csv.column("label"));
            assertEquals(json.stream().map(measure -> measure.get("description")).toList(),
                    csv.column("description"));
            assertEquals(json.stream().map(measure -> text(measure.get("perTargetGroup"))).toList(),
                    csv.column("per_target_group"));
        }
    }

    @Test
    void seriesIsARowPerPointWithTheAreaTargetGroupAndMeasureOnEachRow() {
        Map<String, Object> query = Map.of("area", "157", "targetGroup", "dagpenge");
        JsonPath json = json("/api/v1/series", query);
        for (UnaryOperator<RequestSpecification> ask : ASK_FOR_CSV) {
            Csv csv = csv(ask, "/api/v1/series", query);

            assertEquals(List.of("746", "802", "816"), csv.column("value"));
            assertEquals(json.getList("points.period"), csv.column("period"));
            assertEquals(json.getList("points.status"), csv.column("status"));
            assertEquals(json.getList("points.importId").stream().map(CsvExportTest::text).toList(),
                    csv.column("import_id"));
            assertEquals(json.getList("points.importedAt"), csv.column("imported_at"));
            for (Map<String, String> row : csv.rows()) {
                assertEquals("157", row.get("area_code"));
                assertEquals("Gentofte", row.get("area_name"));
                assertEquals("dagpenge", row.get("target_group_code"));
                assertEquals("full-time-persons", row.get("measure"));
            }
        }
    }

    @Test
    void seriesAtAGranularityFlattensItsCompleteness() {
        Map<String, Object> query = Map.of("area", "157", "targetGroup", "dagpenge", "granularity", "year");
        JsonPath json = json("/api/v1/series", query);
        Csv csv = csv(ASK_FOR_CSV.get(1), "/api/v1/series", query);

        assertEquals(json.getList("points.completeness.monthsPresent").stream().map(CsvExportTest::text).toList(),
                csv.column("completeness_months_present"));
        assertEquals(json.getList("points.completeness.basis"), csv.column("completeness_basis"));
        assertEquals(json.getList("points.completeness.partial").stream().map(CsvExportTest::text).toList(),
                csv.column("completeness_partial"));
    }

    @Test
    void importHistoryJoinsItsListsInOneCell() {
        List<Map<String, Object>> json = json("/api/v1/imports", Map.of()).getList("$");
        for (UnaryOperator<RequestSpecification> ask : ASK_FOR_CSV) {
            Csv csv = csv(ask, "/api/v1/imports", Map.of());

            assertFalse(json.isEmpty(), "the demo data is an import");
            assertEquals(json.stream().map(run -> text(run.get("id"))).toList(), csv.column("id"));
            assertEquals(json.stream().map(run -> run.get("source")).toList(), csv.column("source"));
            assertEquals(json.stream().map(run -> run.get("description")).toList(), csv.column("description"));
            assertEquals(json.stream().map(run -> text(run.get("rowsRead"))).toList(), csv.column("rows_read"));
            assertEquals(json.stream().map(run -> String.join("; ", strings(run.get("periods")))).toList(),
                    csv.column("periods"));
            assertEquals(json.stream().map(run -> String.join("; ", strings(run.get("areas")))).toList(),
                    csv.column("areas"));
        }
    }

    @Test
    void keyFiguresAreARowPerTargetGroupWithTheAreaAndPeriod() {
        JsonPath json = json(KEY_FIGURES, Map.of("period", "2018"));
        List<Map<String, Object>> groups = json.getList("groups");
        for (UnaryOperator<RequestSpecification> ask : ASK_FOR_CSV) {
            Csv csv = csv(ask, KEY_FIGURES, Map.of("period", "2018"));

            assertEquals(json.getList("groups.targetGroup.code"), csv.column("target_group_code"));
            assertEquals(json.getList("groups.targetGroup.parentCode").stream().map(CsvExportTest::text).toList(),
                    csv.column("target_group_parent_code"));
            for (int i = 0; i < groups.size(); i++) {
                Map<String, String> row = csv.rows().get(i);
                String group = "groups[" + i + "].";
                assertEquals("157", row.get("area_code"));
                assertEquals("Gentofte", row.get("area_name"));
                assertEquals("2018", row.get("period"));
                assertEquals("2017", row.get("previous_period"));
                assertSameNumber(json.get(group + "fullTimePersons"), row.get("full_time_persons"));
                assertSameNumber(json.get(group + "change.percent"), row.get("change_percent"));
                assertSameNumber(json.get(group + "nationalShare.changePp"), row.get("national_share_change_pp"));
                assertEquals(text(json.get(group + "completeness.monthsPresent")),
                        row.get("completeness_months_present"));
                List<Map<String, String>> notes = json.getList(group + "notes");
                assertEquals(String.join("; ", notes.stream()
                                .map(note -> note.get("field") + ": " + note.get("reason") + ": " + note.get("message"))
                                .toList()),
                        row.get("notes"));
            }
            Map<String, String> dagpenge = csv.find("target_group_code", "dagpenge");
            assertEquals("816", dagpenge.get("full_time_persons"));
            assertEquals(json.getString("groups.find { it.targetGroup.code == 'dagpenge' }.change.percent"),
                    dagpenge.get("change_percent"));
            assertFalse(csv.header().contains("notes_field"), "notes are one cell");
        }
    }

    @Test
    void danishCsvHasAByteOrderMarkSemicolonsDecimalCommasAndDanishHeaders() {
        String percent = dagpengeChangePercent();
        byte[] body = given().queryParam("period", "2018").queryParam("format", "csv-da")
                .when().get(KEY_FIGURES)
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asByteArray();

        assertArrayEquals(BYTE_ORDER_MARK, Arrays.copyOf(body, 3));
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Områdekode;Områdenavn;Periode;Periode året før;Målgruppekode;"),
                text.substring(0, 80));
        Csv danish = parse(text, ';');
        Map<String, String> dagpenge = danish.find("Målgruppekode", "dagpenge");
        assertEquals(percent.replace('.', ','), dagpenge.get("Ændring (%)"));
        assertEquals("Dagpengemodtagere", dagpenge.get("Målgruppenavn"));
        assertEquals("157", dagpenge.get("Områdekode"));
        assertTrue(danish.header().containsAll(List.of("Fuldtidspersoner", "Landsandel (%)",
                "Landsandel, ændring (procentpoint)", "Andel af befolkningen, ændring (procentpoint)")),
                danish.header().toString());
        // The same columns in the same order as the plain CSV, only named in Danish.
        assertEquals(csv(ASK_FOR_CSV.get(1), KEY_FIGURES, Map.of("period", "2018")).header().size(),
                danish.header().size());
    }

    @Test
    void decimalsRoundsTheCsvButNotTheJson() {
        String percent = dagpengeChangePercent();
        assertNotEquals("1.75", percent, "the JSON has full precision");

        Map<String, Object> query = Map.of("period", "2018", "decimals", "2");
        assertEquals("1.75", csv(ASK_FOR_CSV.get(1), KEY_FIGURES, query)
                .find("target_group_code", "dagpenge").get("change_percent"));
        Csv danish = csv(request -> request.queryParam("format", "csv-da"), KEY_FIGURES, query);
        assertEquals("1,75", danish.find("Målgruppekode", "dagpenge").get("Ændring (%)"));
        assertEquals("816", danish.find("Målgruppekode", "dagpenge").get("Fuldtidspersoner"));
        assertEquals(percent, json(KEY_FIGURES, query)
                .getString("groups.find { it.targetGroup.code == 'dagpenge' }.change.percent"));
    }

    @Test
    void csvIsAnAttachmentNamedForWhatItHolds() {
        given().accept("text/csv").when().get("/api/v1/areas")
                .then().statusCode(200).header("Content-Disposition", "attachment; filename=\"areas.csv\"");
        given().queryParam("format", "csv").when().get("/api/v1/target-groups")
                .then().statusCode(200).header("Content-Disposition", "attachment; filename=\"target-groups.csv\"");
        given().queryParam("format", "csv").queryParam("period", "2018").when().get(KEY_FIGURES)
                .then().statusCode(200)
                .header("Content-Type", "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"key-figures-157-2018.csv\"");
        given().queryParam("format", "csv-da").queryParam("area", "157").queryParam("targetGroup", "dagpenge")
                .when().get("/api/v1/series")
                .then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"series-157-dagpenge-full-time-persons.csv\"");
    }

    /**
     * A read asked again is answered alike: the same type, file name and tag each time, and from its third ask on
     * the kept answer (ResponseCache keeps an answer computed a second time) with the same bytes as the second.
     */
    @Test
    void aRepeatedReadIsAnsweredAlike() {
        for (String format : List.of("json", "csv", "csv-da", "xlsx")) {
            var first = given().queryParam("format", format).queryParam("period", "2017").when().get(KEY_FIGURES);
            var second = given().queryParam("format", format).queryParam("period", "2017").when().get(KEY_FIGURES);
            var kept = given().queryParam("format", format).queryParam("period", "2017").when().get(KEY_FIGURES);
            for (var again : List.of(second, kept)) {
                assertEquals(200, again.statusCode());
                assertEquals(first.header("Content-Type"), again.header("Content-Type"), format);
                assertEquals(first.header("Content-Disposition"), again.header("Content-Disposition"), format);
                assertEquals(first.header("ETag"), again.header("ETag"), format);
                assertEquals("no-cache", again.header("Cache-Control"), format);
            }
            assertArrayEquals(second.asByteArray(), kept.asByteArray(), format);
            if (!format.equals("xlsx")) { // a workbook records when it was written (its zip entries' times)
                assertArrayEquals(first.asByteArray(), second.asByteArray(), format);
            }
        }
    }

    @Test
    void jsonStaysTheDefaultAndFormatJsonWinsOverTheAcceptHeader() {
        given().when().get("/api/v1/measures").then().statusCode(200).contentType(startsWith("application/json"));
        given().accept("*/*").when().get("/api/v1/measures")
                .then().statusCode(200).contentType(startsWith("application/json"));
        given().accept("text/csv").queryParam("format", "json").when().get("/api/v1/measures")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .body("[0].code", equalTo("full-time-persons"));
    }

    @Test
    void rejectsAnUnknownFormatAndDecimalsOutOfRange() {
        given().queryParam("format", "xml").when().get("/api/v1/areas")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Unknown format 'xml'; use json, csv, csv-da or xlsx (and for the quarterly "
                        + "report html or pdf)."));
        for (String decimals : List.of("11", "-1", "two")) {
            given().queryParam("format", "csv").queryParam("decimals", decimals).when().get("/api/v1/areas")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", equalTo("decimals must be a whole number from 0 to 10, not '" + decimals + "'."));
        }
    }

    @Test
    void errorsStayProblemDetails() {
        given().queryParam("format", "csv").queryParam("period", "2018").when().get("/api/v1/areas/999/key-figures")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("There is no area with code 999."));
        given().accept("text/csv").queryParam("area", "157").when().get("/api/v1/series")
                .then().statusCode(400).contentType("application/problem+json");
        // A single area is no table: it has no CSV.
        given().queryParam("format", "csv").when().get("/api/v1/areas/157")
                .then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void annualReportIsARowPerTargetGroupAndYear() {
        String path = "/api/v1/areas/157/reports/annual";
        JsonPath json = json(path, Map.of("year", "2018"));
        for (UnaryOperator<RequestSpecification> ask : ASK_FOR_CSV) {
            Csv csv = csv(ask, path, Map.of("year", "2018"));
            assertEquals(json.getList("rows").size() * 3, csv.rows().size());
            for (String year : List.of("2016", "2017", "2018")) {
                Map<String, Object> cell = json.getMap("rows.find { it.targetGroup.code == 'dagpenge' }.years.find "
                        + "{ it.year == '" + year + "' }");
                Map<String, String> row = csv.rows().stream().filter(r -> r.get("target_group_code").equals("dagpenge")
                        && r.get("year").equals(year)).findFirst().orElseThrow();
                assertEquals("157", row.get("area_code"));
                assertSameNumber(cell.get("fullTimePersons"), row.get("full_time_persons"));
                assertSameNumber(cell.get("nationalShare"), row.get("national_share"));
                assertSameNumber(cell.get("changePercent"), row.get("change_percent"));
            }
        }
    }

    @Test
    void quarterlyReportHasColumnsForEachComparedArea() {
        String path = "/api/v1/areas/157/reports/quarterly/2018Q4";
        JsonPath json = json(path, Map.of());
        Csv csv = csv(ASK_FOR_CSV.get(1), path, Map.of());
        assertEquals(strings(json.getList("rows.targetGroup.code")), csv.column("target_group_code"));
        assertTrue(csv.header().containsAll(List.of("vs1084_change_percent", "vs1084_classification",
                "vs000_change_percent", "on_year_percent", "on_quarter_percent")), csv.header().toString());
        // Only annual values exist for 2018: every quarter average is empty, never 0.
        assertTrue(csv.column("full_time_persons").stream().allMatch(String::isEmpty));
    }

    @Test
    void comparisonIsARowPerArea() {
        String path = "/api/v1/areas/157/comparison";
        Map<String, String> query = Map.of("targetGroup", "dagpenge", "period", "2018", "with", "country");
        JsonPath json = json(path, query);
        Csv csv = csv(ASK_FOR_CSV.get(0), path, query);
        List<Map<String, Object>> rows = json.getList("rows");
        assertEquals(rows.size(), csv.rows().size());
        for (int i = 0; i < rows.size(); i++) {
            assertSameNumber(rows.get(i).get("fullTimePersons"), csv.rows().get(i).get("full_time_persons"));
            assertSameNumber(rows.get(i).get("changePercent"), csv.rows().get(i).get("change_percent"));
            assertEquals(text(rows.get(i).get("classification")), csv.rows().get(i).get("classification"));
        }
    }

    @Test
    void rankingIsARowPerMunicipalityWithTheCountryBeside() {
        String path = "/api/v1/rankings";
        Map<String, String> query = Map.of("targetGroup", "dagpenge", "period", "2018", "by", "full-time-persons");
        JsonPath json = json(path, query);
        Csv csv = csv(ASK_FOR_CSV.get(1), path, query);
        assertEquals(98, csv.rows().size());
        assertEquals(strings(json.getList("rows.areaCode")), csv.column("area_code"));
        Map<String, String> gentofte = csv.find("area_code", "157");
        assertEquals("1", gentofte.get("rank"));
        assertSameNumber(json.get("rows[0].value"), gentofte.get("value"));
        assertSameNumber(json.get("reference.value"), gentofte.get("country_value"));
    }

    @Test
    void clustersListTheirMembersInOneCell() {
        given().contentType("application/json")
                .body(Map.of("code", "csvtest", "name", "CSV-klyngen", "members", List.of("151", "153")))
                .when().post("/api/v1/clusters").then().statusCode(201);
        try {
            Csv csv = csv(ASK_FOR_CSV.get(0), "/api/v1/clusters", Map.of());
            assertEquals("151; 153", csv.find("code", "csvtest").get("members"));
        } finally {
            given().delete("/api/v1/clusters/csvtest").then().statusCode(204);
        }
    }

    private static String dagpengeChangePercent() {
        return json(KEY_FIGURES, Map.of("period", "2018"))
                .getString("groups.find { it.targetGroup.code == 'dagpenge' }.change.percent");
    }

    private static JsonPath json(String path, Map<String, ?> query) {
        return given().config(Fixtures.EXACT_NUMBERS).accept("application/json").queryParams(query)
                .when().get(path)
                .then().statusCode(200).contentType(startsWith("application/json"))
                .extract().jsonPath();
    }

    private static Csv csv(UnaryOperator<RequestSpecification> ask, String path, Map<String, ?> query) {
        byte[] body = ask.apply(given().queryParams(query))
                .when().get(path)
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename="))
                .extract().asByteArray();
        boolean danish = body.length >= 3 && Arrays.equals(BYTE_ORDER_MARK, Arrays.copyOf(body, 3));
        String text = danish ? new String(body, 3, body.length - 3, StandardCharsets.UTF_8)
                : new String(body, StandardCharsets.UTF_8);
        return parse(text, danish ? ';' : ',');
    }

    private static Csv parse(String text, char separator) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(schema).readValues(text)) {
            List<Map<String, String>> all = rows.readAll();
            CsvSchema read = (CsvSchema) rows.getParserSchema();
            List<String> header = new ArrayList<>();
            read.forEach(column -> header.add(column.getName()));
            return new Csv(header, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSameNumber(Object json, String csv) {
        if (json == null) {
            assertEquals("", csv);
        } else {
            assertEquals(0, new BigDecimal(json.toString()).compareTo(new BigDecimal(csv)), json + " vs " + csv);
        }
    }

    /** A JSON value as its CSV cell: null is empty. */
    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(Object::toString).toList();
    }

    @SuppressWarnings("unchecked")
    private static void flatten(List<Map<String, Object>> groups, List<Map<String, Object>> into) {
        for (Map<String, Object> group : groups) {
            into.add(group);
            flatten((List<Map<String, Object>>) group.get("children"), into);
        }
    }

    private record Csv(List<String> header, List<Map<String, String>> rows) {

        List<String> column(String name) {
            assertTrue(header.contains(name), "no column " + name + " in " + header);
            return rows.stream().map(row -> row.get(name)).toList();
        }

        Map<String, String> find(String column, String value) {
            return rows.stream().filter(row -> value.equals(row.get(column))).findFirst()
                    .orElseThrow(() -> new AssertionError("no row with " + column + " = " + value));
        }
    }
}
