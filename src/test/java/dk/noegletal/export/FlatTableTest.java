package dk.noegletal.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The flattening rules, on small records; cells as the plain CSV writes them unless typed cells are the point. */
class FlatTableTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    record Ref(String code, String name) {
    }

    record Area(String code, Ref parent) {
    }

    record Note(String field, String reason, String message) {
    }

    record Figure(String targetGroup, BigDecimal changePercent, List<String> periods, List<Note> notes) {
    }

    record Group(String code, String parentCode, int level, List<Group> children) implements TreeRow {
    }

    record Cell(String text, BigDecimal number, List<String> items) {
    }

    private static Table table(List<?> records) {
        return new Table(FlatTable.of(records, null, MAPPER, '.', null), '.');
    }

    /** The table with its cells as CSV text. */
    private record Table(FlatTable flat, char decimalMark) {

        List<String> header() {
            return flat.header();
        }

        List<List<String>> rows() {
            return flat.rows().stream()
                    .map(row -> row.stream().map(cell -> CsvExport.text(cell, decimalMark)).toList())
                    .toList();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "=1+1|'=1+1", "+45 12 34 56 78|'+45 12 34 56 78", "-3.5|'-3.5", "@SUM(A1)|'@SUM(A1)", "{tab}x|'{tab}x",
        "{cr}x|'{cr}x", "Gentofte|Gentofte", "1=1|1=1", "'quoted|'quoted"})
    void textThatWouldRunAsAFormulaIsMadeText(String text, String cell) {
        Table table = table(List.of(new Cell(unescape(text), null, List.of(unescape(text), "b"))));

        List<String> row = table.rows().get(0);
        assertEquals(unescape(cell), row.get(0));
        assertEquals(unescape(cell) + "; b", row.get(2));
    }

    @Test
    void numbersAreNeverTouched() {
        Table table = table(List.of(new Cell("x", new BigDecimal("-3.5"), List.of())));

        assertEquals("-3.5", table.rows().get(0).get(1));
    }

    private static String unescape(String text) {
        // A tab or carriage return at the start of an annotation value would be trimmed away.
        return text.replace("{tab}", "\t").replace("{cr}", "\r");
    }

    @Test
    void nestedObjectsAreColumnsNamedByTheirPathInSnakeCase() {
        Table table = table(List.of(new Area("157", new Ref("1084", "Region Hovedstaden"))));

        assertEquals(List.of("code", "parent_code", "parent_name"), table.header());
        assertEquals(List.of(List.of("157", "1084", "Region Hovedstaden")), table.rows());
    }

    @Test
    void aNullObjectBeforeItsFieldsAreSeenLeavesThemEmptyInPlace() {
        Table table = table(List.of(new Area("000", null), new Area("1084", new Ref("000", "Hele landet"))));

        assertEquals(List.of("code", "parent_code", "parent_name"), table.header());
        assertEquals(Arrays.asList("000", null, null), table.rows().get(0));
        assertEquals(List.of("1084", "000", "Hele landet"), table.rows().get(1));
    }

    @Test
    void listsAreOneCellAndObjectItemsTheirValues() {
        Table table = table(List.of(new Figure("dagpenge", null, List.of("2017", "2018"),
                List.of(new Note("change.percent", "zero-base", "No base."), new Note("x", null, "y")))));

        assertEquals(List.of("target_group", "change_percent", "periods", "notes"), table.header());
        assertEquals(Arrays.asList("dagpenge", null, "2017; 2018", "change.percent: zero-base: No base.; x: y"),
                table.rows().get(0));
    }

    @Test
    void aTreeIsARowPerNodeParentsFirstWithoutItsChildren() {
        Group tree = new Group("kontanthjaelp", null, 0, List.of(
                new Group("jobparate", "kontanthjaelp", 1, List.of()),
                new Group("aktivitetsparate", "kontanthjaelp", 1, List.of())));
        Table table = table(List.of(tree, new Group("i-alt", null, 0, List.of())));

        assertEquals(List.of("code", "parent_code", "level"), table.header());
        assertEquals(List.of("kontanthjaelp", "jobparate", "aktivitetsparate", "i-alt"),
                table.rows().stream().map(row -> row.get(0)).toList());
        assertEquals(Arrays.asList("jobparate", "kontanthjaelp", "1"), table.rows().get(1));
    }

    @Test
    void contextColumnsComeFirstOnEveryRow() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("areaCode", "157");
        context.put("period", "2018");
        Table table = table(Tabular.withContext(context, List.of(new Ref("dagpenge", "Dagpenge"),
                new Ref("i-alt", "I alt"))));

        assertEquals(List.of("area_code", "period", "code", "name"), table.header());
        assertEquals(List.of("157", "2018", "i-alt", "I alt"), table.rows().get(1));
    }

    @Test
    void columnsAreTheUnionOfAllRowsInTheOrderFirstSeen() {
        Table table = table(List.of(Map.of("a", 1), Map.of("b", true)));

        assertEquals(List.of("a", "b"), table.header());
        assertEquals(Arrays.asList("1", null), table.rows().get(0));
        assertEquals(Arrays.asList(null, "true"), table.rows().get(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "746          | .  |    | 746",
            "7.46E+2      | .  |    | 746",
            "816.50       | .  |    | 816.50",
            "1.7456359102 | .  |    | 1.7456359102",
            "1.7456359102 | .  | 2  | 1.75",
            "1.7456359102 | ,  | 2  | 1,75",
            "1.745        | .  | 2  | 1.75",
            "-1.745       | .  | 2  | -1.75",
            "816.5        | ,  | 2  | 816,5",
            "0.0000001    | .  |    | 0.0000001",
            "1.5          | .  | 0  | 2",
    })
    void numbersArePlainAndRoundedHalfUpOnlyWhenAskedTo(String value, char decimalMark, Integer decimals,
            String expected) {
        Table table = new Table(FlatTable.of(List.of(Map.of("value", new BigDecimal(value))), null, MAPPER,
                decimalMark, decimals), decimalMark);

        assertEquals(expected, table.rows().get(0).get(0));
    }

    record Import(long id, String period, boolean partial, int level, BigDecimal value) {
    }

    @Test
    void cellsKeepTheirJsonTypeAndIdentifiersAreText() {
        FlatTable table = FlatTable.of(List.of(new Import(12, "2018-12", true, 1, new BigDecimal("816.50"))), null,
                MAPPER, '.', null);

        assertEquals(Arrays.asList("12", "2018-12", true, BigInteger.ONE, new BigDecimal("816.50")),
                table.rows().get(0));
    }

    @Test
    void aListWithoutRowsHasTheColumnsOfItsRowType() {
        FlatTable table = FlatTable.of(List.of(), Area.class, MAPPER, '.', null);

        assertEquals(List.of("code", "parent_code", "parent_name"), table.header());
        assertEquals(List.of(), table.rows());
    }

    @Test
    void aTreeWithoutRowsHasNoChildrenColumn() {
        assertEquals(List.of("code", "parent_code", "level"),
                FlatTable.of(List.of(), Group.class, MAPPER, '.', null).header());
    }

    @Test
    void rowsWithContextButWithoutRowsHaveTheContextAndRowColumns() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("areaCode", "157");
        context.put("parent", new Ref("1084", "Region Hovedstaden"));
        FlatTable table = FlatTable.of(Tabular.withContext(context, List.<Figure>of(), Figure.class), null, MAPPER,
                '.', null);

        assertEquals(List.of("area_code", "parent_code", "parent_name", "target_group", "change_percent", "periods",
                "notes"), table.header());
    }

    @Test
    void withoutRowsOrTypeOnlyTheContextIsKnown() {
        FlatTable table = FlatTable.of(Tabular.withContext(Map.of("areaCode", "157"), List.of()), null, MAPPER, '.',
                null);

        assertEquals(List.of("area_code"), table.header());
    }
}
