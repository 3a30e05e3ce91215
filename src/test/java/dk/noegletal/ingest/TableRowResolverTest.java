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

/**
 * Rows are checked one at a time: areas, periods, values, statuses, labels. Repeats are judged where the import
 * stages the observations (TableImportTest, TableCsvImportTest).
 */
class TableRowResolverTest {

    private static final Map<String, String> AREAS = Map.of("157", "157", "Gentofte", "157", "000", "000",
            "Hele landet", "000");

    private final ImportErrors errors = new ImportErrors(20);

    @Test
    void membersAreOneByTheirCodeAndUnknownResidenceIsSkippedAndAbsentIsNotSuppressed() {
        TableRowResolver.Result result = resolve("""
                table,area,period,Ydelsesgrupper,measure,value
                own-x,157,2025-05,I alt,Antal personer,10
                own-x,157,2025-05,I alt,Antal sager,4
                own-x,Gentofte,2025M05,i alt,Antal personer,10.0
                own-x,Uoplyst område,2025M05,I alt,Antal personer,3
                """);

        assertEquals(0, errors.count());
        // Each line states one observation (the repeat is judged where they are staged), none suppressed.
        assertEquals(3, result.observations().size());
        assertEquals(1, result.skippedRows());
        assertEquals(List.of(List.of("I alt")), result.combinations());
        assertEquals(0, result.observations().get(0).measure());
        assertEquals(0, new BigDecimal("10").compareTo(result.observations().get(0).value()));
        assertEquals(1, result.observations().get(1).measure());
        assertEquals(List.of("I alt"), result.observations().get(1).members());
        assertEquals(List.of("I alt"), result.observations().get(2).members());
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
