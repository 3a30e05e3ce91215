package dk.noegletal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.noegletal.common.ProblemException;
import dk.noegletal.common.RowError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobindsatsJsonParserTest {

    private static final String V2_VARIABLES = """
            [{"Name":"area","Label":"Område"},{"Name":"period","Label":"Periode"},
             {"Name":"ydelse","Label":"Ydelsesgrupper"},{"Name":"y01a02_1","Label":"Antal fuldtidspersoner"},
             {"Name":"y01a02_2","Label":"Fuldtidspersoner i pct. af befolkningen 16-66 år"}]""";

    private static final String V2_BODY = """
            [{"TableID":"y01a02","Variables":%s,
              "Data":[["Gentofte","2018M12","A-dagpenge","1.313","0,93"],
                      ["Gentofte","2018M11","A-dagpenge","..","0,93"]]}]""".formatted(V2_VARIABLES);

    private static final String V3_BODY = """
            {"columns":["Område","Periode","Ydelsesgrupper","Antal fuldtidspersoner","Antal personer"],
             "rows":[["Gentofte","2018Q04","Kontanthjælp","465","512"]]}""";

    private final ImportErrors errors = new ImportErrors(20);

    @Test
    void readsVersion2TableOneRowPerMeasureCell() {
        ParsedFile file = parse(V2_BODY);

        assertEquals(ImportFormat.JOBINDSATS_V2, file.format());
        assertEquals(2, file.rows().size());
        RawObservation first = file.rows().get(0);
        assertEquals("table 1, row 1", first.location());
        assertNull(first.line());
        assertEquals(new RawObservation.Cell("Område", "Gentofte"), first.area());
        assertEquals(new RawObservation.Cell("Periode", "2018M12"), first.period());
        assertEquals(new RawObservation.Cell("Ydelsesgrupper", "A-dagpenge"), first.targetGroup());
        assertEquals(new RawObservation.Cell("Antal fuldtidspersoner", "Antal fuldtidspersoner"), first.measure());
        assertEquals(new RawObservation.Cell("Antal fuldtidspersoner", "1.313"), first.value());
        assertNull(first.status());
        assertEquals(NumberStyle.DANISH, first.numberStyle());
        RawObservation second = file.rows().get(1);
        assertEquals("table 1, row 2", second.location());
        assertEquals("2018M11", second.period().text());
        assertEquals("..", second.value().text());
        assertEquals(0, errors.count());
    }

    @Test
    void listsDerivedPercentColumnAsIgnoredInsteadOfReadingIt() {
        ParsedFile file = parse(V2_BODY);

        assertEquals(List.of("Fuldtidspersoner i pct. af befolkningen 16-66 år"), file.ignoredColumns());
        assertTrue(file.rows().stream().noneMatch(row -> row.value().text().equals("0,93")));
    }

    @Test
    void numbersRowsPerTableInVersion2() {
        String table = """
                {"TableID":"y01a02","Variables":%s,"Data":[["Gentofte","2018M12","A-dagpenge","1.313","0,93"]]}"""
                .formatted(V2_VARIABLES);

        ParsedFile file = parse("[" + table + "," + table + "]");

        assertEquals(List.of("table 1, row 1", "table 2, row 1"),
                file.rows().stream().map(RawObservation::location).toList());
    }

    @Test
    void readsJsonNumberCellAsPlainNumber() {
        ParsedFile file = parse("""
                [{"TableID":"y01a02","Variables":%s,
                  "Data":[["Gentofte","2018M12","A-dagpenge",816.5,0.93],
                          ["Gentofte","2018M11","A-dagpenge",1313,0.93]]}]""".formatted(V2_VARIABLES));

        assertEquals("816.5", file.rows().get(0).value().text());
        assertEquals(NumberStyle.PLAIN, file.rows().get(0).numberStyle());
        assertEquals("1313", file.rows().get(1).value().text());
        assertEquals(NumberStyle.PLAIN, file.rows().get(1).numberStyle());
    }

    @Test
    void readsJsonNullCellAsNoText() {
        ParsedFile file = parse("""
                [{"TableID":"y01a02","Variables":%s,
                  "Data":[["Gentofte","2018M12","A-dagpenge",null,null]]}]""".formatted(V2_VARIABLES));

        assertNull(file.rows().get(0).value().text());
    }

    @Test
    void readsVersion3BodyOneRowPerMeasure() {
        ParsedFile file = parse(V3_BODY);

        assertEquals(ImportFormat.JOBINDSATS_V3, file.format());
        assertEquals(List.of(), file.ignoredColumns());
        assertEquals(2, file.rows().size());
        RawObservation fullTime = file.rows().get(0);
        assertEquals("row 1", fullTime.location());
        assertEquals(new RawObservation.Cell("Område", "Gentofte"), fullTime.area());
        assertEquals(new RawObservation.Cell("Periode", "2018Q04"), fullTime.period());
        assertEquals(new RawObservation.Cell("Ydelsesgrupper", "Kontanthjælp"), fullTime.targetGroup());
        assertEquals("Antal fuldtidspersoner", fullTime.measure().text());
        assertEquals(new RawObservation.Cell("Antal fuldtidspersoner", "465"), fullTime.value());
        assertEquals(NumberStyle.DANISH, fullTime.numberStyle());
        RawObservation persons = file.rows().get(1);
        assertEquals("row 1", persons.location());
        assertEquals("Antal personer", persons.measure().text());
        assertEquals(new RawObservation.Cell("Antal personer", "512"), persons.value());
        assertEquals("Kontanthjælp", persons.targetGroup().text());
    }

    @Test
    void countsJobindsatsTotalRowsAsSkippedOncePerRow() {
        // Gentofte's kontanthjælp in August 2021 as Jobindsats y60a02 gives it; the totals are Jobindsats-like.
        ParsedFile file = parse("""
                {"columns":["Periode","Område","Ydelsesgrupper","Antal personer","Antal fuldtidspersoner"],
                 "rows":[["2021M08","Gentofte","Kontanthjælp mv.",627,613],
                         ["2021M08","Gentofte","Ydelsesgrupper i alt",2190,2046],
                         ["2021M09","Gentofte","I alt",2150,2010]]}""");

        assertEquals(6, file.rows().size());
        assertEquals(2, file.skippedRows());
        assertEquals(0, parse(V3_BODY).skippedRows());
    }

    @Test
    void readsVersion3ColumnsGivenAsObjects() {
        ParsedFile file = parse("""
                {"columns":[{"name":"area","label":"Område"},{"name":"period","label":"Periode"},
                            {"name":"ydelse","label":"Ydelsesgrupper"},
                            {"name":"y01a02_1","label":"Antal fuldtidspersoner"}],
                 "rows":[["Gentofte","2018Q04","Kontanthjælp","465"],["Gentofte","2018Q03","Kontanthjælp","470"]]}""");

        assertEquals(ImportFormat.JOBINDSATS_V3, file.format());
        assertEquals(List.of("row 1", "row 2"), file.rows().stream().map(RawObservation::location).toList());
        RawObservation row = file.rows().get(0);
        assertEquals(new RawObservation.Cell("Område", "Gentofte"), row.area());
        assertEquals("Kontanthjælp", row.targetGroup().text());
        assertEquals("Antal fuldtidspersoner", row.measure().text());
        assertEquals("465", row.value().text());
        assertEquals("470", file.rows().get(1).value().text());
    }

    @Test
    void readsPopulationTableWithoutTargetGroup() {
        ParsedFile file = parse("""
                {"columns":["Område","Periode","Befolkningen 16-66 år"],
                 "rows":[["Gentofte","2018","48.123"],["Hele landet","2018","3.750.000"]]}""");

        assertEquals(2, file.rows().size());
        for (RawObservation row : file.rows()) {
            assertNull(row.targetGroup());
            assertEquals("Befolkningen 16-66 år", row.measure().text());
        }
        assertEquals("48.123", file.rows().get(0).value().text());
        assertEquals("Hele landet", file.rows().get(1).area().text());
    }

    @Test
    void takesUnnamedLeadingColumnsAsAreaPeriodAndGroup() {
        ParsedFile file = parse("""
                {"columns":["Kommunenavn","Måned","Gruppe","Antal personer"],
                 "rows":[["Gentofte","2018M12","A-dagpenge","512"]]}""");

        RawObservation row = file.rows().get(0);
        assertEquals(new RawObservation.Cell("Kommunenavn", "Gentofte"), row.area());
        assertEquals(new RawObservation.Cell("Måned", "2018M12"), row.period());
        assertEquals(new RawObservation.Cell("Gruppe", "A-dagpenge"), row.targetGroup());
    }

    @Test
    void rejectsUnknownMeasureColumnAfterMeasureColumn() {
        ProblemException e = assertThrows(ProblemException.class, () -> parse("""
                {"columns":["Område","Periode","Ydelsesgrupper","Antal fuldtidspersoner","Antal sager"],
                 "rows":[["Gentofte","2018Q04","Kontanthjælp","465","17"]]}"""));

        assertEquals(400, e.problem().status());
        RowError error = e.problem().errors().get(0);
        assertTrue(error.message().contains("unknown measure 'Antal sager'"), error.message());
        assertTrue(error.message().contains("Antal fuldtidspersoner"), error.message());
        assertEquals("Antal sager", error.column());
    }

    @Test
    void rejectsTableWithoutMeasureColumn() {
        ProblemException e = assertThrows(ProblemException.class, () -> parse("""
                {"columns":["Område","Periode","Ydelsesgrupper"],"rows":[["Gentofte","2018Q04","Kontanthjælp"]]}"""));

        assertTrue(e.problem().errors().get(0).message().contains("at least one measure column"));
    }

    @Test
    void collectsRowWithWrongNumberOfCells() {
        ParsedFile file = parse("""
                {"columns":["Område","Periode","Ydelsesgrupper","Antal fuldtidspersoner","Antal personer"],
                 "rows":[["Gentofte","2018Q04","Kontanthjælp","465"],
                         ["Gentofte","2018Q03","Kontanthjælp","470","520"]]}""");

        assertEquals(2, file.rows().size());
        assertEquals("row 2", file.rows().get(0).location());
        assertEquals(1, errors.count());
        RowError error = collectedErrors().get(0);
        assertEquals("row 1", error.location());
        assertTrue(error.message().contains("4 cells where the table has 5 columns"), error.message());
    }

    @Test
    void collectsVersion2RowWithTooManyCellsAtItsTableAndRow() {
        ParsedFile file = parse("""
                [{"TableID":"y01a02","Variables":%s,
                  "Data":[["Gentofte","2018M12","A-dagpenge","1.313","0,93","x"]]}]""".formatted(V2_VARIABLES));

        assertEquals(List.of(), file.rows());
        assertEquals(1, errors.count());
        assertEquals("table 1, row 1", collectedErrors().get(0).location());
    }

    @Test
    void readsBodyStartingWithByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = V3_BODY.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[bom.length + json.length];
        System.arraycopy(bom, 0, body, 0, bom.length);
        System.arraycopy(json, 0, body, bom.length, json.length);

        ParsedFile file = parse(body);

        assertEquals(ImportFormat.JOBINDSATS_V3, file.format());
        assertEquals(2, file.rows().size());
        assertEquals("Kontanthjælp", file.rows().get(0).targetGroup().text());
    }

    @Test
    void rejectsLatin1BodyAsNotUtf8() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> parse(V3_BODY.getBytes(StandardCharsets.ISO_8859_1)));

        assertEquals(400, e.problem().status());
        assertTrue(e.problem().detail().contains("UTF-8"), e.problem().detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"columns\": [", "[{\"TableID\":}]", "not json"})
    void rejectsInvalidJson(String body) {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(body));

        assertEquals(400, e.problem().status());
        assertTrue(e.problem().errors().get(0).message().contains("not valid JSON"),
                e.problem().errors().get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"TableID\":\"y01a02\",\"Data\":[]}", "{\"columns\":[]}", "[{\"TableID\":\"y01a02\"}]",
            "[1, 2]", "42", "\"text\""})
    void rejectsJsonThatIsNeitherExportShape(String body) {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(body));

        assertEquals(400, e.problem().status());
        assertTrue(e.problem().errors().get(0).message().contains("not a Jobindsats export"),
                e.problem().errors().get(0).message());
    }

    /**
     * Two concatenated exports, or an export followed by other text, must not be half read.
     */
    @ParameterizedTest
    @ValueSource(strings = {" garbage", "]",
            "{\"columns\":[\"Område\",\"Periode\",\"Antal personer\"],\"rows\":[]}"})
    void rejectsContentAfterTheJsonValue(String trailing) {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(V3_BODY + trailing));

        assertEquals(400, e.problem().status());
    }

    /**
     * An array or object in a measure cell must not reach the resolver as an empty (suppressed) cell.
     */
    @ParameterizedTest
    @ValueSource(strings = {"[465]", "{\"value\":465}"})
    void doesNotTurnStructuredCellIntoEmptyText(String cell) {
        String body = """
                {"columns":["Område","Periode","Ydelsesgrupper","Antal fuldtidspersoner"],
                 "rows":[["Gentofte","2018Q04","Kontanthjælp",%s]]}""".formatted(cell);

        ParsedFile file;
        try {
            file = parse(body);
        } catch (ProblemException rejected) {
            return;
        }
        if (errors.count() == 0) {
            String text = file.rows().get(0).value().text();
            assertTrue(text != null && !text.isBlank(), () -> cell + " was read as the text '" + text + "'");
        }
    }

    @Test
    void rejectsATableWithTwoAreaColumns() {
        ProblemException e = assertThrows(ProblemException.class, () -> parse("""
                {"columns": ["Område", "Område", "Periode", "Antal personer"],
                 "rows": [["Gentofte", "Lyngby-Taarbæk", "2018M12", "12"]]}"""));

        assertTrue(e.problem().errors().get(0).message().contains("two columns for 'Område'"),
                e.problem().errors().get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n  "})
    void rejectsEmptyBody(String body) {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(body));

        assertEquals(400, e.problem().status());
        assertTrue(e.problem().errors().get(0).message().contains("empty"), e.problem().errors().get(0).message());
    }

    private ParsedFile parse(String body) {
        return JobindsatsJsonParser.parse(new StringReader(body), errors);
    }

    private ParsedFile parse(byte[] body) {
        try (Reader reader = Utf8.reader(new ByteArrayInputStream(body))) {
            return JobindsatsJsonParser.parse(reader, errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<RowError> collectedErrors() {
        ProblemException e = assertThrows(ProblemException.class, errors::throwIfAny);
        return e.problem().errors();
    }
}
