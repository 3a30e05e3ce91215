package dk.noegletal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.noegletal.common.ProblemException;
import dk.noegletal.common.RowError;
import dk.noegletal.table.MeasureKind;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Duplicates are judged per observation (area, period, members, measure), for long and wide files alike. */
class TableRowResolverTest {

    private static final Map<String, String> AREAS = Map.of("157", "157", "Gentofte", "157", "000", "000",
            "Hele landet", "000");

    private final ImportErrors errors = new ImportErrors(20);

    @Test
    void aRepeatedLineIsStoredOnceAndCountedAndAbsentIsNotSuppressed() {
        TableRowResolver.Result result = resolve("""
                table,area,period,Ydelsesgrupper,measure,value
                own-x,157,2025-05,I alt,Antal personer,10
                own-x,157,2025-05,I alt,Antal sager,4
                own-x,Gentofte,2025M05,i alt,Antal personer,10.0
                own-x,Uoplyst område,2025M05,I alt,Antal personer,3
                """);

        assertEquals(0, errors.count());
        // Two observations: the repeated line is one of them, and no line states a suppressed value.
        assertEquals(2, result.observations().size());
        assertEquals(1, result.duplicateRows());
        assertEquals(1, result.skippedRows());
        assertEquals(List.of(List.of("I alt")), result.combinations());
        assertEquals(0, result.observations().get(0).measure());
        assertEquals(0, new BigDecimal("10").compareTo(result.observations().get(0).value()));
        assertEquals(1, result.observations().get(1).measure());
        assertEquals(List.of("I alt"), result.observations().get(1).members());
    }

    @Test
    void aRepeatedLineWithAnotherValueIsAnErrorNamingBothLines() {
        resolve("""
                table,area,period,measure,value
                own-x,157,2025,Virksomhedstilfredshed i pct.,77.5
                own-x,157,2024,Virksomhedstilfredshed i pct.,75
                own-x,Gentofte,2025,Virksomhedstilfredshed i pct.,78
                """);

        List<RowError> listed = listed();
        assertEquals(1, listed.size());
        assertEquals("line 4", listed.get(0).location());
        assertEquals("value", listed.get(0).column());
        assertEquals("78", listed.get(0).value());
        assertTrue(listed.get(0).message().contains("the same area, period, members and measure as line 2, but "
                + "another value (77.5 there)"), listed.get(0).message());
    }

    @Test
    void aSuppressedLineRepeatedWithAValueConflicts() {
        resolve("""
                table,area,period,measure,value
                own-x,157,2025,Antal personer,.
                own-x,157,2025,Antal personer,5
                """);

        assertTrue(listed().get(0).message().contains("another value (. there)"));
    }

    @Test
    void theStatusMustAgreeWithTheValue() {
        TableRowResolver.Result ok = resolve("""
                table,area,period,measure,value,status
                own-x,157,2025,Antal personer,..,suppressed
                own-x,157,2024,Antal personer,12,OK
                own-x,157,2023,Antal personer,,
                """);
        assertEquals(0, errors.count());
        assertNull(ok.observations().get(0).value());
        assertNull(ok.observations().get(2).value());

        resolve("""
                table,area,period,measure,value,status
                own-x,157,2025,Antal personer,3,suppressed
                own-x,157,2024,Antal personer,,ok
                own-x,157,2023,Antal personer,3,maybe
                """);
        List<RowError> listed = listed();
        assertEquals("the status is suppressed but a value is given", listed.get(0).message());
        assertEquals("the status is ok but there is no value", listed.get(1).message());
        assertTrue(listed.get(2).message().contains("unknown status 'maybe'"));
    }

    @Test
    void aNegativeCountIsRefusedByItsMeasureButARatioMayBeNegative() {
        resolve("""
                table,area,period,measure,value
                own-x,157,2025,Ændring i pct.,-3.5
                own-x,157,2025,Antal personer,-1
                """);

        List<RowError> listed = listed();
        assertEquals(1, listed.size());
        assertEquals("line 3", listed.get(0).location());
        assertTrue(listed.get(0).message().contains("('Antal personer' is a head-count)"), listed.get(0).message());
    }

    @Test
    void aWideRowAllOfWhoseObservationsRepeatIsOneDuplicateRow() {
        TableFile file = assertInstanceOf(TableFile.class, JsonTable.parse("""
                {"columns": ["Periode", "Område", "A-kasse", "Antal personer", "Antal sager"],
                 "rows": [["2025M05", "Gentofte", "I alt", 10, 2], ["2025M05", "157", "i alt", 10, 2],
                          ["2025M05", "Gentofte", "I alt", 10, 3]]}"""));

        TableRowResolver.resolve(file, AREAS, MeasureKind::infer, errors);

        List<RowError> listed = listed();
        assertEquals(1, listed.size());
        assertEquals("row 3", listed.get(0).location());
        assertTrue(listed.get(0).message().contains("the same period, area and members as row 1, but other values"));

        ImportErrors none = new ImportErrors(20);
        TableFile same = assertInstanceOf(TableFile.class, JsonTable.parse("""
                {"columns": ["Periode", "Område", "A-kasse", "Antal personer", "Antal sager"],
                 "rows": [["2025M05", "Gentofte", "I alt", 10, 2], ["2025M05", "157", "i alt", 10, 2]]}"""));
        TableRowResolver.Result result = TableRowResolver.resolve(same, AREAS, MeasureKind::infer, none);
        assertEquals(0, none.count());
        assertEquals(2, result.observations().size());
        assertEquals(1, result.duplicateRows());
    }

    @Test
    void aLabelLongerThanTheCatalogueHoldsIsRefused() {
        ProblemException e = assertThrows(ProblemException.class, () -> resolve(
                "table,area,period,measure,value\nown-x,157,2025," + "x".repeat(301) + ",1\n"));
        assertTrue(e.problem().errors().get(0).message().contains("the measure's label is longer"));
        resolve("table,area,period,A-kasse,measure,value\nown-x,157,2025," + "æ".repeat(101)
                + ",Antal personer,1\n");
        assertTrue(listed().get(0).message().contains("the member is longer"));
    }

    private TableRowResolver.Result resolve(String csv) {
        TableFile file = assertInstanceOf(TableFile.class,
                TidyCsvParser.parse(new StringReader(csv), null, errors));
        return TableRowResolver.resolve(file, AREAS, MeasureKind::infer, errors);
    }

    private List<RowError> listed() {
        return assertThrows(ProblemException.class, errors::throwIfAny).problem().errors();
    }

    /** The Jobindsats v3 parser, for the wide rows. */
    private static final class JsonTable {
        static TableFile parse(String json) {
            return TableJsonParser.parse(new StringReader(json));
        }
    }
}
