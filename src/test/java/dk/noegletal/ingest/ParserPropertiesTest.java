package dk.noegletal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dk.noegletal.common.Problem;
import dk.noegletal.common.ProblemException;
import dk.noegletal.timeseries.ObservationInput;
import dk.noegletal.timeseries.ObservationStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever a file holds, reading it ends in parsed observations or in the import's own rejection (a 400 problem
 * with a sentence), never in another exception that would surface as a 500. Each input goes the whole way an import
 * goes before the database: parser, catalogue check, and the collected row errors.
 */
class ParserPropertiesTest {

    private static final ObservationResolver.Catalogue CATALOGUE = new ObservationResolver.Catalogue(
            Map.of("157", "157", "Gentofte", "157", "101", "101", "København", "101", "000", "000",
                    "Hele landet", "000"),
            Map.of("dagpenge", "dagpenge", "a-dagpenge", "dagpenge", "kontanthjaelp", "kontanthjaelp",
                    "kontanthjælp", "kontanthjaelp", "sygedagpenge", "sygedagpenge"));

    private static final String HEADER = "area,target_group,measure,period,value,status";
    private static final String TABLE_HEADER = "table,area,period,A-kasse,measure,value,status";
    private static final BigDecimal LARGEST = new BigDecimal("1000000000000");

    /** Words a tidy CSV file is made of, good and bad. */
    private static final List<String> CSV_TOKENS = List.of(HEADER + "\n", "area", "target_group", "measure",
            "period", "value", "status", "area_name", "157", "Gentofte", "Høje-Taastrup", "000", "dagpenge",
            "kontanthjaelp", "full-time-persons", "persons", "population-16-66", "2018-12", "2018M12", "2018Q4",
            "2018Q04", "2018", "2018-13", "2023QMAT02", "816.5", "1,5", "1e3", "-3", "abc", ".", "..", "-", "0",
            "99999999999999999999", "ok", "suppressed", ",", ",", ",", "\"", "\"\"", ";", "\n", "\n", "\r\n", "\r",
            " ", "\t", "æøå", "\u0000", "\uFEFF", "#");

    /** Cells a Jobindsats export holds, good and bad. */
    private static final List<String> JSON_TEXTS = List.of("Gentofte", "Hele landet", "København", "157", "Område",
            "Periode", "Ydelsesgrupper", "Antal fuldtidspersoner", "Antal personer", "Befolkningen 16-66 år",
            "Arbejdsstyrken 16-66 år", "Fuldtidspersoner i pct. af befolkningen 16-66 år", "area", "period",
            "Kommune", "Tid", "Målgruppe", "Ukendt", "", " ", "2018M12", "2018Q04", "2018", "2018M13",
            "2023QMAT02", "A-dagpenge", "dagpenge", "Kontanthjælp", "Boligstøtte", "1.313", "0,93", "1.313,5",
            "0.500", "-5", "1e3", "abc", ".", "..", "-", "\u0000");

    /** JSON values other than strings, including numbers a double cannot hold. */
    private static final List<String> JSON_LITERALS = List.of("null", "true", "false", "0", "12", "-1", "816.5",
            "1.5e2", "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "[]", "{}", "[\"x\"]",
            "{\"a\":1}", "[[1]]");

    // --- arbitrary text

    @Property
    void anyTextIsReadOrRejectedAsCsv(@ForAll String text) {
        readsOrRejects(errors -> TidyCsvParser.parse(new StringReader(text), errors));
    }

    @Property
    void anyTextIsReadOrRejectedAsJson(@ForAll String text) {
        readsOrRejects(errors -> JobindsatsJsonParser.parse(new StringReader(text), errors));
    }

    @Property
    void csvishTextIsReadOrRejected(@ForAll("csvish") String text) {
        readsOrRejects(errors -> TidyCsvParser.parse(new StringReader(text), errors));
    }

    @Property
    void csvCharactersAreReadOrRejected(@ForAll("csvCharacters") String text) {
        readsOrRejects(errors -> TidyCsvParser.parse(new StringReader(text), errors));
    }

    @Property
    void jobindsatsShapedJsonIsReadOrRejected(@ForAll("jobindsatsJson") String json) {
        readsOrRejects(errors -> JobindsatsJsonParser.parse(new StringReader(json), errors));
    }

    @Property
    void jsonTokensAreReadOrRejected(@ForAll("jsonTokens") String json) {
        readsOrRejects(errors -> JobindsatsJsonParser.parse(new StringReader(json), errors));
    }

    @Property
    void aGoodFileWithOneCharacterChangedIsReadOrRejected(@ForAll("mutatedGoodFiles") Mutated file) {
        readsOrRejects(errors -> file.json()
                ? JobindsatsJsonParser.parse(new StringReader(file.text()), errors)
                : TidyCsvParser.parse(new StringReader(file.text()), errors));
    }

    @Property
    void tableCsvIsReadOrRejected(@ForAll("tableCsvish") String text, @ForAll boolean asked) {
        ImportErrors errors = new ImportErrors(20);
        try {
            ImportFile file = TidyCsvParser.parse(new StringReader(text), asked ? "own-x" : null, errors);
            if (file instanceof TableFile table) {
                TableRowResolver.Result result = TableRowResolver.resolve(table, CATALOGUE.areaCodes(),
                        dk.noegletal.table.MeasureKind::infer, errors);
                errors.throwIfAny();
                for (TableRowResolver.Resolved resolved : result.observations()) {
                    assertTrue(resolved.value() == null || resolved.value().abs().compareTo(LARGEST) < 0);
                    assertEquals(table.dimensions().size(), resolved.members().size());
                }
            } else {
                ObservationResolver.resolve(((ParsedFile) file).rows(), CATALOGUE, errors);
                errors.throwIfAny();
            }
        } catch (ProblemException e) {
            assertIsRejection(e.problem());
        }
    }

    // --- arbitrary bytes, read as the import reads a body

    @Property
    void anyBytesAreReadOrRejectedAsCsv(@ForAll byte[] body) {
        readsOrRejects(errors -> TidyCsvParser.parse(utf8(body), errors));
    }

    @Property
    void anyBytesAreReadOrRejectedAsJson(@ForAll byte[] body) {
        readsOrRejects(errors -> JobindsatsJsonParser.parse(utf8(body), errors));
    }

    @Property
    void csvishTextInAnyEncodingIsReadOrRejected(@ForAll("csvish") String text,
            @ForAll("encodings") String encoding) {
        byte[] body = text.getBytes(Charset.forName(encoding));
        readsOrRejects(errors -> TidyCsvParser.parse(utf8(body), errors));
    }

    // --- cases the properties found or that guard their edges

    @Example
    void latin1TextIsRejectedAsNotUtf8() {
        byte[] body = (HEADER + "\nHøje-Taastrup,dagpenge,full-time-persons,2018-12,1,ok\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        Problem problem = rejection(errors -> TidyCsvParser.parse(utf8(body), errors));

        assertTrue(problem.detail().contains("not UTF-8"), problem.detail());
    }

    /** Found by {@link #jobindsatsShapedJsonIsReadOrRejected}: a double cannot hold 1e400, it was a 500. */
    @Example
    void aJsonNumberBeyondADoubleIsRejectedAsNoNumber() {
        Problem problem = rejection(errors -> JobindsatsJsonParser.parse(new StringReader("""
                {"columns": ["Område", "Periode", "Ydelsesgrupper", "Antal fuldtidspersoner"],
                 "rows": [["Gentofte", "2018M12", "A-dagpenge", 1e400]]}"""), errors));

        assertEquals("'Infinity' is not a number (expected digits with . as decimal mark, e.g. 816.5)",
                problem.errors().get(0).message());
    }

    /** BigDecimal reads a megabyte of digits in some fifteen seconds, ten megabytes in about half an hour. */
    @Example
    void aMegabyteOfDigitsIsRejectedWithoutBeingRead() {
        String digits = "1".repeat(1 << 20);

        Problem problem = rejection(errors -> TidyCsvParser.parse(new StringReader(
                HEADER + "\n157,dagpenge,full-time-persons,2018-12," + digits + ",ok\n"), errors));

        assertEquals("'11111111111111111111...' is too long to be a number (1048576 characters; at most 100)",
                problem.errors().get(0).message());
        assertEquals("1".repeat(100) + "...", problem.errors().get(0).value());
    }

    @Example
    void aProblemRepeatsOnlyTheStartOfAHugeCell() {
        String area = "ø".repeat(99) + "\uD83D\uDE00" + "x".repeat(1 << 20);

        Problem problem = rejection(errors -> TidyCsvParser.parse(new StringReader(
                HEADER + "\n" + area + ",dagpenge,full-time-persons,2018-12,1,ok\n"), errors));

        String shown = "ø".repeat(99) + "...";
        assertEquals(shown, problem.errors().get(0).value());
        assertTrue(problem.errors().get(0).message().startsWith("unknown area '" + shown + "';"),
                problem.errors().get(0).message());
        assertTrue(problem.detail().length() < 400, problem.detail());
    }

    // --- what every input must come to

    /**
     * Parses and resolves as an import does. A file that gets through has only well-formed observations; anything
     * else must be the import's rejection.
     */
    private static void readsOrRejects(Function<ImportErrors, ParsedFile> parse) {
        ImportErrors errors = new ImportErrors(20);
        List<ObservationInput> resolved;
        try {
            ParsedFile file = parse.apply(errors);
            resolved = ObservationResolver.resolve(file.rows(), CATALOGUE, errors);
            errors.throwIfAny();
        } catch (ProblemException e) {
            assertIsRejection(e.problem());
            return;
        }
        for (ObservationInput input : resolved) {
            if (input.status() == ObservationStatus.SUPPRESSED) {
                assertNull(input.value());
            } else {
                assertTrue(input.value().signum() >= 0 && input.value().compareTo(LARGEST) < 0, input.toString());
            }
        }
    }

    private static Problem rejection(Function<ImportErrors, ParsedFile> parse) {
        ImportErrors errors = new ImportErrors(20);
        try {
            ObservationResolver.resolve(parse.apply(errors).rows(), CATALOGUE, errors);
            errors.throwIfAny();
        } catch (ProblemException e) {
            assertIsRejection(e.problem());
            return e.problem();
        }
        throw new AssertionError("the input was accepted");
    }

    private static void assertIsRejection(Problem problem) {
        assertEquals(400, problem.status());
        assertEquals(ProblemException.type("invalid-import"), problem.type());
        assertNotNull(problem.title());
        assertFalse(problem.detail() == null || problem.detail().isBlank());
        assertTrue(problem.errorCount() != null && problem.errorCount() >= 1);
        assertFalse(problem.errors().isEmpty());
    }

    private static Reader utf8(byte[] body) {
        try {
            return Utf8.reader(new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- generators

    @Provide
    Arbitrary<String> csvish() {
        Arbitrary<String> tokens = Arbitraries.of(CSV_TOKENS).list().ofMaxSize(60).map(t -> String.join("", t));
        return Arbitraries.oneOf(tokens, tokens.map(body -> HEADER + "\n" + body));
    }

    @Provide
    Arbitrary<String> csvCharacters() {
        Arbitrary<String> text = Arbitraries.strings().withChars(",\";\n\r .-0123456789abcdeQMæøåÆØÅ\u0000")
                .ofMaxLength(200);
        return Arbitraries.oneOf(text, text.map(body -> HEADER + "\n" + body));
    }

    /** Words a tidy CSV file of any table is made of, good and bad. */
    private static final List<String> TABLE_CSV_TOKENS = List.of(TABLE_HEADER + "\n", "table", "own-x", "own-y",
            "OWN-X", "y25i09", "area", "period", "measure", "value", "status", "A-kasse", "a kasse", "I alt",
            "i alt", "Ingen a-kasse", "Antal personer", "antal-personer", "Andel i pct.", "Uoplyst område", "157",
            "Gentofte", "999", "2025-05", "2025M05", "2025Q2", "2025", "2025-13", "77.5", "-3", "1e3", "abc", ".",
            "..", "", "ok", "suppressed", ",", ",", ",", ",", "\"", ";", "\n", "\n", "\r\n", " ", "æøå", "\u0000");

    @Provide
    Arbitrary<String> tableCsvish() {
        Arbitrary<String> tokens = Arbitraries.of(TABLE_CSV_TOKENS).list().ofMaxSize(60)
                .map(t -> String.join("", t));
        return Arbitraries.oneOf(tokens, tokens.map(body -> TABLE_HEADER + "\n" + body));
    }

    @Provide
    Arbitrary<String> encodings() {
        return Arbitraries.of("UTF-8", "ISO-8859-1", "windows-1252", "UTF-16", "UTF-16LE");
    }

    @Provide
    Arbitrary<String> jobindsatsJson() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(JSON_TEXTS), Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(6, text.map(ParserPropertiesTest::quoted)),
                Tuple.of(3, Arbitraries.of(JSON_LITERALS)));
        Arbitrary<String> row = Arbitraries.frequencyOf(
                Tuple.of(9, value.list().ofMaxSize(6).map(ParserPropertiesTest::array)),
                Tuple.of(1, value));
        Arbitrary<String> rows = row.list().ofMaxSize(5).map(ParserPropertiesTest::array);
        Arbitrary<String> label = Arbitraries.frequencyOf(
                Tuple.of(8, text.map(ParserPropertiesTest::quoted)),
                Tuple.of(1, Arbitraries.of(JSON_LITERALS)));
        Arbitrary<String> v3Column = Arbitraries.oneOf(label,
                Combinators.combine(label, label).as((name, l) -> "{\"name\":" + name + ",\"label\":" + l + "}"));
        Arbitrary<String> v3 = Combinators.combine(v3Column.list().ofMaxSize(6).map(ParserPropertiesTest::array), rows)
                .as((columns, data) -> "{\"columns\":" + columns + ",\"rows\":" + data + "}");
        Arbitrary<String> variable = Arbitraries.frequencyOf(
                Tuple.of(9, Combinators.combine(label, label)
                        .as((name, l) -> "{\"Name\":" + name + ",\"Label\":" + l + "}")),
                Tuple.of(1, value));
        Arbitrary<String> table = Arbitraries.frequencyOf(
                Tuple.of(9, Combinators.combine(variable.list().ofMaxSize(6)
                        .map(ParserPropertiesTest::array), rows)
                        .as((variables, data) -> "{\"TableID\":\"t\",\"Variables\":" + variables + ",\"Data\":" + data
                                + "}")),
                Tuple.of(1, value));
        Arbitrary<String> v2 = table.list().ofMaxSize(3).map(ParserPropertiesTest::array);
        // The columns of a real export, so that the rows get read cell by cell.
        Arbitrary<String> v3WithGoodColumns = rows.map(data -> "{\"columns\":[\"Område\",\"Periode\","
                + "\"Ydelsesgrupper\",\"Antal fuldtidspersoner\"],\"rows\":" + data + "}");
        return Arbitraries.oneOf(v2, v3, v3WithGoodColumns);
    }

    @Provide
    Arbitrary<String> jsonTokens() {
        return Arbitraries.of("[", "]", "{", "}", ",", ":", "\"Variables\"", "\"Data\"", "\"columns\"", "\"rows\"",
                "\"Område\"", "\"Periode\"", "\"Antal fuldtidspersoner\"", "\"Gentofte\"", "\"2018M12\"", "\"..\"",
                "\"1.313\"", "1e400", "-1", "null", "\"", "\\", " ", "\n", "\uFEFF", "/*", "//")
                .list().ofMaxSize(40).map(tokens -> String.join("", tokens));
    }

    /** A good file with one character inserted, deleted or replaced somewhere. */
    record Mutated(boolean json, String text) {
    }

    @Provide
    Arbitrary<Mutated> mutatedGoodFiles() {
        String csv = HEADER + "\n157,dagpenge,full-time-persons,2018-12,816.5,ok\n"
                + "Gentofte,kontanthjaelp,persons,2018Q4,.,suppressed\n000,,population-16-66,2018,48210,\n";
        String json = """
                [{"TableID":"y01a02","Variables":[{"Name":"area","Label":"Område"},
                {"Name":"period","Label":"Periode"},{"Name":"ydelse","Label":"Ydelsesgrupper"},
                {"Name":"y_1","Label":"Antal fuldtidspersoner"}],
                "Data":[["Gentofte","2018M12","A-dagpenge","1.313"],["Hele landet","2018M12","A-dagpenge",".."]]}]""";
        Arbitrary<Character> character = Arbitraries.chars().with(",\";\n.-0123456789[]{}:\\ æ\u0000");
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 1000),
                Arbitraries.of("insert", "delete", "replace"), character)
                .as((isJson, at, how, c) -> {
                    String good = isJson ? json : csv;
                    int i = at % good.length();
                    String changed = switch (how) {
                        case "insert" -> good.substring(0, i) + c + good.substring(i);
                        case "delete" -> good.substring(0, i) + good.substring(i + 1);
                        default -> good.substring(0, i) + c + good.substring(i + 1);
                    };
                    return new Mutated(isJson, changed);
                });
    }

    private static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    private static String array(List<String> items) {
        return "[" + String.join(",", items) + "]";
    }
}
