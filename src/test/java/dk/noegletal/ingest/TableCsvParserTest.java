package dk.noegletal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.noegletal.common.ProblemException;
import dk.noegletal.common.RowError;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tidy CSV format of any table: a table column or ?table=, one column per dimension, one observation a line. */
class TableCsvParserTest {

    private final ImportErrors errors = new ImportErrors(20);

    @Test
    void readsATableFileWithTwoDimensionsOneObservationALine() {
        TableFile file = parse("""
                table,area,period,Ydelsesgrupper,A-kasse,measure,value
                y25i09,Hele landet,2025M05,Ydelsesgrupper i alt,I alt,Antal langtidsledige fuldtidspersoner,16446
                y25i09,Hele landet,2025M05,Ydelsesgrupper i alt,I alt,Andel langtidsledige personer ift. \
                bruttoledige personer,17.8
                y25i09,000,2025-06,Ydelsesgrupper i alt,I alt,Antal langtidsledige fuldtidspersoner,16597
                """, null);

        assertEquals(ImportFormat.TIDY_CSV, file.format());
        assertEquals("y25i09", file.namedTable());
        assertEquals(List.of("Ydelsesgrupper", "A-kasse"), file.dimensions());
        assertEquals(List.of("Antal langtidsledige fuldtidspersoner",
                "Andel langtidsledige personer ift. bruttoledige personer"), file.measures());
        assertEquals(3, file.rows().size());
        assertEquals(3, file.observations());
        TableFile.Row first = file.rows().get(0);
        assertEquals("line 2", first.location());
        assertEquals(2, first.line());
        assertEquals(new RawObservation.Cell("area", "Hele landet"), first.area());
        assertEquals(new RawObservation.Cell("period", "2025M05"), first.period());
        assertEquals(List.of(new RawObservation.Cell("Ydelsesgrupper", "Ydelsesgrupper i alt"),
                new RawObservation.Cell("A-kasse", "I alt")), first.members());
        // One cell per measure: the line's own, and none (absent, not suppressed) for the other measure.
        assertEquals(new RawObservation.Cell("value", "16446"), first.values().get(0));
        assertNull(first.values().get(1));
        assertTrue(first.has(0));
        assertEquals(false, first.has(1));
        assertEquals(List.of(NumberStyle.PLAIN, NumberStyle.PLAIN), first.styles());
        assertNull(first.status());
        TableFile.Row second = file.rows().get(1);
        assertNull(second.values().get(0));
        assertEquals("17.8", second.values().get(1).text());
        assertEquals(0, errors.count());
    }

    @Test
    void readsAnOwnTableWithoutDimensionsWithStatus() {
        TableFile file = parse("""
                table,area,period,measure,value,status
                own-virksomhedsservice,157,2025,Virksomhedstilfredshed i pct.,77.5,ok
                own-virksomhedsservice,Gentofte,2024,Virksomhedstilfredshed i pct.,..,suppressed
                """, null);

        assertEquals("own-virksomhedsservice", file.namedTable());
        assertEquals(List.of(), file.dimensions());
        assertEquals(List.of("Virksomhedstilfredshed i pct."), file.measures());
        assertEquals(new RawObservation.Cell("status", "ok"), file.rows().get(0).status());
        assertEquals(List.of(), file.rows().get(1).members());
        assertEquals("..", file.rows().get(1).values().get(0).text());
    }

    @Test
    void takesColumnsInAnyOrderAndReservedNamesInAnyCase() {
        TableFile file = parse("""
                Value,Measure,A-kasse,Period,AREA,Table
                12,Antal personer,Ingen a-kasse,2025Q2,157,own-x
                """, null);

        assertEquals(List.of("A-kasse"), file.dimensions());
        TableFile.Row row = file.rows().get(0);
        assertEquals("157", row.area().text());
        assertEquals("2025Q2", row.period().text());
        assertEquals("Ingen a-kasse", row.members().get(0).text());
        assertEquals("12", row.values().get(0).text());
    }

    @Test
    void theTableMayBeAskedForInsteadOfAColumn() {
        ImportFile read = TidyCsvParser.parse(new StringReader("""
                area,period,measure,value
                157,2025,Antal besøgte virksomheder,120
                """), "own-virksomhedsservice", errors);

        TableFile file = assertInstanceOf(TableFile.class, read);
        assertNull(file.namedTable());
        assertEquals(List.of("Antal besøgte virksomheder"), file.measures());
    }

    @Test
    void aMaalgruppeFileStaysOneWithoutATable() {
        ImportFile read = TidyCsvParser.parse(new StringReader("""
                area,target_group,measure,period,value
                157,dagpenge,full-time-persons,2018-12,816.5
                """), null, errors);

        assertInstanceOf(ParsedFile.class, read);
        // Asked for as a table, its target_group column is a dimension like any other.
        ImportFile asTable = TidyCsvParser.parse(new StringReader("""
                area,target_group,measure,period,value
                157,dagpenge,full-time-persons,2018-12,816.5
                """), "own-x", errors);
        assertEquals(List.of("target_group"), assertInstanceOf(TableFile.class, asTable).dimensions());
    }

    @Test
    void measuresWithOneCodeAreOneMeasureAsFirstWritten() {
        TableFile file = parse("""
                table,area,period,measure,value
                own-x,157,2025-01,Antal personer,1
                own-x,157,2025-02,antal personer,2
                own-x,157,2025-03,antal-personer,3
                own-x,157,2025-04,Antal sager,4
                """, null);

        assertEquals(List.of("Antal personer", "Antal sager"), file.measures());
        assertEquals("3", file.rows().get(2).values().get(0).text());
        assertNull(file.rows().get(2).values().get(1));
    }

    @Test
    void aLineNamingAnotherTableIsAnErrorNamingBothLines() {
        parse("""
                table,area,period,measure,value
                own-x,157,2025,Antal personer,1
                own-y,157,2025,Antal personer,2
                ,157,2024,Antal personer,3
                """, null);

        List<RowError> listed = listed();
        assertEquals(2, listed.size());
        assertEquals("line 3", listed.get(0).location());
        assertEquals("table", listed.get(0).column());
        assertEquals("own-y", listed.get(0).value());
        assertTrue(listed.get(0).message().contains("names the table own-y, but line 2 names own-x"),
                listed.get(0).message());
        assertEquals("line 4", listed.get(1).location());
        assertTrue(listed.get(1).message().contains("the table is missing"), listed.get(1).message());
    }

    @Test
    void theColumnMustAgreeWithTheTableAskedFor() {
        TidyCsvParser.parse(new StringReader("""
                table,area,period,measure,value
                OWN-X,157,2025,Antal personer,1
                own-y,157,2025,Antal personer,2
                """), "own-x", errors);

        List<RowError> listed = listed();
        assertEquals(1, listed.size());
        assertEquals("line 3", listed.get(0).location());
        assertTrue(listed.get(0).message().contains("names the table own-y, but ?table= names own-x"),
                listed.get(0).message());
    }

    @Test
    void aLineWithoutMeasureOrWithTooFewCellsIsAnError() {
        TableFile file = parse("""
                table,area,period,measure,value
                own-x,157,2025,,1
                own-x,157,2025
                own-x,157,2024,Antal personer,3
                """, null);

        assertEquals(1, file.rows().size());
        List<RowError> listed = listed();
        assertEquals("the measure is missing", listed.get(0).message());
        assertEquals("line 3", listed.get(1).location());
        assertTrue(listed.get(1).message().contains("the line has 3 cells where the header has 5"));
    }

    @Test
    void rejectsAHeaderWithoutValue() {
        RowError error = rejection("table,area,period,measure\nown-x,157,2025,Antal personer\n", null);

        assertEquals("line 1", error.location());
        assertEquals("value", error.column());
        assertTrue(error.message().contains("lacks the column 'value'"), error.message());
    }

    @Test
    void rejectsAHeaderWithoutTableWhenNoneIsAskedFor() {
        // Not a table file by its header: read as the målgruppe format, whose columns these are not.
        RowError error = rejection("area,period,Ydelsesgrupper,measure,value\n157,2025,I alt,Antal personer,1\n",
                null);

        assertTrue(error.message().contains("unknown column 'Ydelsesgrupper'"), error.message());
        assertTrue(error.message().contains("table,area,period,measure,value"), error.message());
    }

    @Test
    void rejectsADimensionTwiceAndAColumnWithoutName() {
        RowError twice = rejection("table,area,period,A-kasse,a kasse,measure,value\n", null);
        assertTrue(twice.message().contains("the dimension 'a kasse' appears twice in the header (as 'A-kasse' too)"),
                twice.message());
        RowError value = rejection("table,area,period,value,measure,VALUE\n", null);
        assertTrue(value.message().contains("the column 'value' appears twice"), value.message());
        RowError unnamed = rejection("table,area,period,,measure,value\n", null);
        assertTrue(unnamed.message().contains("column 4 has no name"), unnamed.message());
    }

    @Test
    void rejectsAnEmptyFileOrOneSeparatedBySemicolonsWhenATableIsAskedFor() {
        RowError empty = rejection("", "own-x");
        assertTrue(empty.message().contains("table,area,period,measure,value"), empty.message());
        RowError semicolons = rejection("area;period;measure;value\n157;2025;Antal personer;1\n", "own-x");
        assertTrue(semicolons.message().contains("separated by ';'"), semicolons.message());
    }

    private TableFile parse(String text, String table) {
        return assertInstanceOf(TableFile.class, TidyCsvParser.parse(new StringReader(text), table, errors));
    }

    private List<RowError> listed() {
        return assertThrows(ProblemException.class, errors::throwIfAny).problem().errors();
    }

    private RowError rejection(String text, String table) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> TidyCsvParser.parse(new StringReader(text), table, errors));
        assertEquals(400, e.problem().status());
        assertEquals(1, e.problem().errors().size());
        return e.problem().errors().get(0);
    }
}
