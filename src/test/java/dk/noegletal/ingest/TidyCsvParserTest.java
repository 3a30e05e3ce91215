package dk.noegletal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.noegletal.common.Problem;
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

class TidyCsvParserTest {

    private static final String HEADER = "area,target_group,measure,period,value";

    private final ImportErrors errors = new ImportErrors(20);

    @Test
    void readsValidFileWithStatusColumn() {
        ParsedFile file = parse("""
                area,target_group,measure,period,value,status
                157,dagpenge,full-time-persons,2018-12,816.5,ok
                157,kontanthjaelp,persons,2018M11,.,suppressed
                """);

        assertEquals(ImportFormat.TIDY_CSV, file.format());
        assertEquals(List.of(), file.ignoredColumns());
        assertEquals(2, file.rows().size());
        RawObservation first = file.rows().get(0);
        assertEquals("line 2", first.location());
        assertEquals(2, first.line());
        assertEquals(new RawObservation.Cell("area", "157"), first.area());
        assertEquals(new RawObservation.Cell("target_group", "dagpenge"), first.targetGroup());
        assertEquals(new RawObservation.Cell("measure", "full-time-persons"), first.measure());
        assertEquals(new RawObservation.Cell("period", "2018-12"), first.period());
        assertEquals(new RawObservation.Cell("value", "816.5"), first.value());
        assertEquals(new RawObservation.Cell("status", "ok"), first.status());
        assertEquals(NumberStyle.PLAIN, first.numberStyle());
        RawObservation second = file.rows().get(1);
        assertEquals("line 3", second.location());
        assertEquals(3, second.line());
        assertEquals("kontanthjaelp", second.targetGroup().text());
        assertEquals("persons", second.measure().text());
        assertEquals("2018M11", second.period().text());
        assertEquals(".", second.value().text());
        assertEquals("suppressed", second.status().text());
        assertEquals(0, errors.count());
    }

    @Test
    void leavesStatusAbsentWithoutStatusColumn() {
        ParsedFile file = parse(HEADER + "\n000,,population-16-66,2018,3750000\n");

        RawObservation row = file.rows().get(0);
        assertNull(row.status());
        assertEquals(new RawObservation.Cell("target_group", ""), row.targetGroup());
        assertEquals("3750000", row.value().text());
    }

    @Test
    void readsOptionalNameColumnsWithoutStoringThemInTheRow() {
        ParsedFile file = parse("area,area_name,target_group,target_group_name,measure,period,value\n"
                + "157,Gentofte,dagpenge,Dagpenge,persons,2018-12,12\n");

        RawObservation row = file.rows().get(0);
        assertEquals("157", row.area().text());
        assertEquals("dagpenge", row.targetGroup().text());
        assertEquals("12", row.value().text());
    }

    @Test
    void numbersRecordAfterMultiLineQuotedCellByItsOwnStartLine() {
        ParsedFile file = parse("area,area_name,target_group,measure,period,value\n"
                + "157,\"Gentofte\nKommune\",dagpenge,persons,2018-12,12\n"
                + "157,Gentofte,dagpenge,persons,2018-11,13\n");

        assertEquals(List.of(2, 4), lines(file));
        assertEquals(List.of("line 2", "line 4"), file.rows().stream().map(RawObservation::location).toList());
        assertEquals("12", file.rows().get(0).value().text());
        assertEquals("13", file.rows().get(1).value().text());
    }

    @Test
    void numbersRecordAfterQuotedCellWithTwoNewlines() {
        ParsedFile file = parse("area,area_name,target_group,measure,period,value\n"
                + "157,\"Gentofte\n\nKommune\",dagpenge,persons,2018-12,12\n"
                + "157,Gentofte,dagpenge,persons,2018-11,13\n"
                + "157,Gentofte,dagpenge,persons,2018-10,14\n");

        assertEquals(List.of(2, 5, 6), lines(file));
    }

    @Test
    void skipsEmptyLinesButKeepsRealLineNumbers() {
        ParsedFile file = parse(HEADER + "\n\n157,dagpenge,persons,2018-12,12\n\n\n"
                + "157,dagpenge,persons,2018-11,13\n\n");

        assertEquals(List.of(3, 6), lines(file));
        assertEquals(0, errors.count());
    }

    @Test
    void countsLinesOfWindowsLineEndings() {
        ParsedFile file = parse(HEADER + "\r\n157,dagpenge,persons,2018-12,12\r\n\r\n"
                + "157,dagpenge,persons,2018-11,13\r\n");

        assertEquals(List.of(2, 4), lines(file));
        assertEquals("12", file.rows().get(0).value().text());
    }

    @Test
    void readsHeaderColumnsInAnyOrderAndLetterCase() {
        ParsedFile file = parse("""
                Value,PERIOD,measure,Target_Group,area
                816.5,2018-12,persons,dagpenge,157
                """);

        RawObservation row = file.rows().get(0);
        assertEquals("157", row.area().text());
        assertEquals("dagpenge", row.targetGroup().text());
        assertEquals("persons", row.measure().text());
        assertEquals("2018-12", row.period().text());
        assertEquals("816.5", row.value().text());
    }

    @Test
    void trimsSpacesAroundCells() {
        ParsedFile file = parse(HEADER + "\n 157 , dagpenge ,persons, 2018-12 , 12 \n");

        RawObservation row = file.rows().get(0);
        assertEquals("157", row.area().text());
        assertEquals("dagpenge", row.targetGroup().text());
        assertEquals("2018-12", row.period().text());
        assertEquals("12", row.value().text());
    }

    @Test
    void readsHeaderOnlyFileAsNoRows() {
        ParsedFile file = parse(HEADER + "\n");

        assertEquals(List.of(), file.rows());
        assertEquals(0, errors.count());
    }

    @Test
    void rejectsHeaderWithoutPeriodColumn() {
        RowError error = rejection("area,target_group,measure,value\n157,dagpenge,persons,12\n");

        assertTrue(error.message().contains("lacks the column 'period'"), error.message());
        assertEquals("period", error.column());
        assertEquals(1, error.line());
        assertEquals("line 1", error.location());
    }

    @Test
    void rejectsUnknownColumn() {
        RowError error = rejection(HEADER + ",foo\n157,dagpenge,persons,2018-12,12,x\n");

        assertTrue(error.message().contains("unknown column 'foo'"), error.message());
        assertEquals("foo", error.column());
        assertEquals(1, error.line());
    }

    @Test
    void rejectsSemicolonSeparatedHeader() {
        RowError error = rejection("area;target_group;measure;period;value\n157;dagpenge;persons;2018-12;12\n");

        assertTrue(error.message().contains("';'"), error.message());
        assertTrue(error.message().contains("','"), error.message());
        assertEquals(1, error.line());
    }

    @Test
    void rejectsDuplicatedColumn() {
        RowError error = rejection(HEADER + ",Area\n157,dagpenge,persons,2018-12,12,157\n");

        assertTrue(error.message().contains("'area' appears twice"), error.message());
    }

    @Test
    void rejectsEmptyFile() {
        RowError error = rejection("");

        assertTrue(error.message().contains("the file is empty"), error.message());
        assertTrue(error.message().contains(HEADER), error.message());
        assertEquals(1, error.line());
    }

    @Test
    void rejectsFileOfBlankLinesAsEmpty() {
        RowError error = rejection("\n\n\n");

        assertTrue(error.message().contains("the file is empty"), error.message());
    }

    @Test
    void collectsRowWithTooFewCellsWithoutThrowing() {
        ParsedFile file = parse(HEADER + "\n157,dagpenge,persons,2018-12,12\n157,dagpenge,persons,2018-11\n"
                + "157,dagpenge,persons,2018-10,14\n");

        assertEquals(List.of(2, 4), lines(file));
        assertEquals(1, errors.count());
        RowError error = collectedErrors().get(0);
        assertEquals("line 3", error.location());
        assertEquals(3, error.line());
        assertEquals("157,dagpenge,persons,2018-11", error.value());
        assertTrue(error.message().contains("4 cells where the header has 5"), error.message());
    }

    @Test
    void collectsRowWithTooManyCells() {
        ParsedFile file = parse(HEADER + "\n157,dagpenge,persons,2018-12,1,313\n");

        assertEquals(List.of(), file.rows());
        assertEquals(1, errors.count());
        assertTrue(collectedErrors().get(0).message().contains("6 cells where the header has 5"));
    }

    @Test
    void rejectsUnclosedQuoteAsBadRequest() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> parse(HEADER + "\n157,dagpenge,persons,2018-12,12\n157,\"dagpenge,persons,2018-11,13\n"));

        Problem problem = e.problem();
        assertEquals(400, problem.status());
        assertEquals(1, problem.errorCount());
        assertTrue(problem.errors().get(0).message().contains("the CSV cannot be read"),
                problem.errors().get(0).message());
    }

    /**
     * An unclosed quote swallows the rest of the file; the error must point at the line where the quote opens.
     */
    @Test
    void reportsUnclosedQuoteAtTheLineWhereTheQuoteOpens() {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(HEADER + "\n"
                + "157,dagpenge,persons,2018-12,12\n"
                + "157,dagpenge,persons,2018-11,\"13\n"
                + "157,dagpenge,persons,2018-10,14\n"
                + "157,dagpenge,persons,2018-09,15\n"));

        RowError error = e.problem().errors().get(0);
        assertEquals("line 3", error.location(), error.toString());
        assertEquals(3, error.line());
    }

    @Test
    void reportsUnclosedQuoteInTheFirstCellAtItsOwnLine() {
        RowError error = rejection(HEADER + "\n"
                + "157,dagpenge,persons,2018-12,12\n"
                + "\"157,dagpenge,persons,2018-11,13\n"
                + "157,dagpenge,persons,2018-10,14\n");

        assertEquals(3, error.line(), error.toString());
    }

    @Test
    void reportsAHeaderErrorAtTheHeadersLine() {
        RowError error = rejection("\n\narea,target_group,measure,period\n157,dagpenge,persons,2018-12\n");

        assertEquals(3, error.line(), error.toString());
        assertEquals("line 3", error.location());
    }

    @Test
    void readsBodyStartingWithByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = (HEADER + "\n157,dagpenge,persons,2018-12,12\n").getBytes(StandardCharsets.UTF_8);

        ParsedFile file = parse(concat(bom, text));

        assertEquals(1, file.rows().size());
        assertEquals(new RawObservation.Cell("area", "157"), file.rows().get(0).area());
        assertEquals(2, file.rows().get(0).line());
    }

    @Test
    void readsUtf8Letters() {
        ParsedFile file = parse(("area,area_name,target_group,measure,period,value\n"
                + "400,Bornholm \u00f8,dagpenge,persons,2018-12,12\n").getBytes(StandardCharsets.UTF_8));

        assertEquals(1, file.rows().size());
        assertEquals(0, errors.count());
    }

    @Test
    void rejectsLatin1BodyAsNotUtf8() {
        byte[] latin1 = (HEADER + "\nBornholm,\u00f8,persons,2018-12,12\n").getBytes(StandardCharsets.ISO_8859_1);

        ProblemException e = assertThrows(ProblemException.class, () -> parse(latin1));

        assertEquals(400, e.problem().status());
        assertTrue(e.problem().detail().contains("UTF-8"), e.problem().detail());
        assertEquals("body", e.problem().errors().get(0).location());
    }

    private ParsedFile parse(String text) {
        return TidyCsvParser.parse(new StringReader(text), errors);
    }

    private ParsedFile parse(byte[] bytes) {
        try (Reader reader = Utf8.reader(new ByteArrayInputStream(bytes))) {
            return TidyCsvParser.parse(reader, errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RowError rejection(String text) {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(text));
        assertEquals(400, e.problem().status());
        assertEquals(1, e.problem().errors().size());
        return e.problem().errors().get(0);
    }

    private List<RowError> collectedErrors() {
        ProblemException e = assertThrows(ProblemException.class, errors::throwIfAny);
        return e.problem().errors();
    }

    private static List<Integer> lines(ParsedFile file) {
        return file.rows().stream().map(RawObservation::line).toList();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
