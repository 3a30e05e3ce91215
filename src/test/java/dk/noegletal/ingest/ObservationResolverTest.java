package dk.noegletal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.noegletal.common.ProblemException;
import dk.noegletal.common.RowError;
import dk.noegletal.measure.Measure;
import dk.noegletal.timeseries.ObservationInput;
import dk.noegletal.timeseries.ObservationKey;
import dk.noegletal.timeseries.ObservationStatus;
import dk.noegletal.timeseries.Period;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObservationResolverTest {

    private static final ObservationResolver.Catalogue CATALOGUE = new ObservationResolver.Catalogue(
            Map.of("157", "157", "Gentofte", "157", "000", "000", "Hele landet", "000"),
            Map.of("dagpenge", "dagpenge", "dagpengemodtagere", "dagpenge", "a-dagpenge", "dagpenge",
                    "kontanthjaelp", "kontanthjaelp"));

    private final ImportErrors errors = new ImportErrors(20);
    private int nextLine = 2;

    // --- areas

    @ParameterizedTest
    @ValueSource(strings = {"157", "Gentofte", " Gentofte ", " 157"})
    void resolvesAreaByCodeOrName(String area) {
        ObservationInput input = single(row(area, "dagpenge", "persons", "2018-12", "12"));

        assertEquals("157", input.key().areaCode());
    }

    @Test
    void rejectsRowWithUnknownArea() {
        List<ObservationInput> resolved = resolve(row("Gentofte Kommune", "dagpenge", "persons", "2018-12", "12"));

        assertEquals(List.of(), resolved);
        assertEquals(1, errors.count());
        RowError error = onlyError();
        assertTrue(error.message().contains("unknown area 'Gentofte Kommune'"), error.message());
        assertEquals("area", error.column());
        assertEquals("Gentofte Kommune", error.value());
        assertEquals("line 2", error.location());
        assertEquals(2, error.line());
    }

    @Test
    void namesTheRowErrorInTheProblemDetail() {
        resolve(row("Gentofte Kommune", "dagpenge", "persons", "2018-12", "12"));

        ProblemException e = assertThrows(ProblemException.class, errors::throwIfAny);
        assertEquals(400, e.problem().status());
        assertEquals(1, e.problem().errorCount());
        assertTrue(e.problem().detail().contains("line 2, column area: unknown area 'Gentofte Kommune'"),
                e.problem().detail());
    }

    @Test
    void rejectsAreaNameInOtherLetterCase() {
        resolve(row("gentofte", "dagpenge", "persons", "2018-12", "12"));

        assertTrue(onlyError().message().contains("unknown area 'gentofte'"));
    }

    @Test
    void rejectsRowWithoutArea() {
        resolve(row(" ", "dagpenge", "persons", "2018-12", "12"));

        assertEquals("the area is missing", onlyError().message());
    }

    // --- target groups and measures

    @ParameterizedTest
    @ValueSource(strings = {"A-dagpenge", "a-DAGPENGE", " Dagpengemodtagere ", "dagpenge"})
    void resolvesTargetGroupByCodeOrLabelInAnyCase(String group) {
        ObservationInput input = single(row("157", group, "full-time-persons", "2018-12", "12"));

        assertEquals("dagpenge", input.key().targetGroupCode());
    }

    @Test
    void rejectsRowWithUnknownTargetGroup() {
        List<ObservationInput> resolved = resolve(row("157", "Sygedagpenge", "persons", "2018-12", "12"));

        assertEquals(List.of(), resolved);
        RowError error = onlyError();
        assertTrue(error.message().contains("unknown target group 'Sygedagpenge'"), error.message());
        assertEquals("target_group", error.column());
    }

    @Test
    void rejectsPopulationWithTargetGroup() {
        List<ObservationInput> resolved = resolve(row("157", "dagpenge", "population-16-66", "2018", "48123"));

        assertEquals(List.of(), resolved);
        RowError error = onlyError();
        assertTrue(error.message().contains("population-16-66 has no target group"), error.message());
        assertEquals("dagpenge", error.value());
    }

    @Test
    void resolvesPopulationWithoutTargetGroup() {
        ObservationInput blank = single(row("157", "", "population-16-66", "2018", "48123"));
        ObservationInput absent = single(row("000", null, "Befolkningen 16-66 år", "2018", "3750000"));

        assertEquals(new ObservationKey("157", null, Measure.POPULATION_16_66, Period.year(2018)), blank.key());
        assertEquals(new ObservationKey("000", null, Measure.POPULATION_16_66, Period.year(2018)), absent.key());
    }

    @Test
    void rejectsFullTimePersonsWithoutTargetGroup() {
        List<ObservationInput> resolved = resolve(row("157", "", "full-time-persons", "2018-12", "12"));

        assertEquals(List.of(), resolved);
        RowError error = onlyError();
        assertTrue(error.message().contains("the target group is missing"), error.message());
        assertTrue(error.message().contains("full-time-persons"), error.message());
    }

    @Test
    void resolvesMeasureByDanishLabel() {
        ObservationInput input = single(row("157", "dagpenge", "Antal fuldtidspersoner", "2018-12", "12"));

        assertEquals(Measure.FULL_TIME_PERSONS, input.key().measure());
    }

    @Test
    void rejectsUnknownMeasure() {
        resolve(row("157", "dagpenge", "Antal sager", "2018-12", "12"));

        RowError error = onlyError();
        assertTrue(error.message().contains("unknown measure 'Antal sager'"), error.message());
        assertTrue(error.message().contains(Measure.codes()), error.message());
    }

    // --- Jobindsats' total over all groups, and one error per row

    @Test
    void skipsJobindsatsTotalRowsWithoutAnErrorAndCountsEachRowOnce() {
        List<RawObservation> rows = List.of(
                json("row 1", "Gentofte", "Kontanthjælp mv.", "Antal personer", "2071M08", "627"),
                json("row 1", "Gentofte", "Kontanthjælp mv.", "Antal fuldtidspersoner", "2071M08", "613"),
                json("row 2", "Gentofte", "Ydelsesgrupper i alt", "Antal personer", "2071M08", "2100"),
                json("row 2", "Gentofte", "Ydelsesgrupper i alt", "Antal fuldtidspersoner", "2071M08", "2050"),
                json("row 3", "Gentofte", " I ALT ", "Antal personer", "2071M09", "2080"),
                json("row 3", "Gentofte", " I ALT ", "Antal fuldtidspersoner", "2071M09", "2040"));
        List<ObservationInput> resolved = ObservationResolver.resolve(rows,
                new ObservationResolver.Catalogue(CATALOGUE.areaCodes(),
                        Map.of("kontanthjælp mv.", "kontanthjaelp")), errors);

        assertEquals(0, errors.count());
        assertEquals(List.of("627", "613"), values(resolved));
        assertEquals(2, ObservationResolver.skippedRows(rows));
    }

    @Test
    void takesAGroupsOwnTotalForNoTotalOfAllGroups() {
        List<RawObservation> rows = List.of(
                json("row 1", "Gentofte", "Kontanthjælp i alt", "Antal personer", "2071M08", "627"));

        resolve(rows.get(0));

        assertEquals(0, ObservationResolver.skippedRows(rows));
        String message = onlyError().message();
        assertTrue(message.contains("unknown target group 'Kontanthjælp i alt'"), message);
    }

    @Test
    void reportsAnUnknownLabelOnceForItsRowNotOncePerMeasureColumn() {
        List<ObservationInput> resolved = resolve(
                json("row 1", "Gentofte", "A-dagpenge", "Antal personer", "2071M08", "830"),
                json("row 1", "Gentofte", "A-dagpenge", "Antal fuldtidspersoner", "2071M08", "802"),
                json("row 2", "Gentofte", "Boligstøtte", "Antal personer", "2071M08", "12"),
                json("row 2", "Gentofte", "Boligstøtte", "Antal fuldtidspersoner", "2071M08", "11"));

        RowError error = onlyError();
        assertEquals("row 2", error.location());
        assertEquals("Ydelsesgrupper", error.column());
        assertEquals("Boligstøtte", error.value());
        assertTrue(error.message().contains("unknown target group 'Boligstøtte'"), error.message());
        assertEquals(List.of("830", "802"), values(resolved));
    }

    @Test
    void reportsTheSameUnknownLabelOnceInEachRowItIsIn() {
        resolve(json("row 1", "Gentofte", "Boligstøtte", "Antal personer", "2071M08", "12"),
                json("row 1", "Gentofte", "Boligstøtte", "Antal fuldtidspersoner", "2071M08", "11"),
                json("row 2", "Gentofte", "Boligstøtte", "Antal personer", "2071M09", "13"),
                json("row 2", "Gentofte", "Boligstøtte", "Antal fuldtidspersoner", "2071M09", "12"));

        assertEquals(2, errors.count());
        assertEquals(List.of("row 1", "row 2"), allErrors().stream().map(RowError::location).toList());
    }

    @Test
    void reportsAnUnknownAreaOrBadPeriodOnceForItsRow() {
        resolve(json("row 1", "Gentofte Kommune", "A-dagpenge", "Antal personer", "2071M13", "12"),
                json("row 1", "Gentofte Kommune", "A-dagpenge", "Antal fuldtidspersoner", "2071M13", "11"));

        assertEquals(2, errors.count());
        assertEquals(List.of("Område", "Periode"), allErrors().stream().map(RowError::column).toList());
    }

    @Test
    void stillReportsEveryBadValueOfARow() {
        resolve(json("row 1", "Gentofte", "A-dagpenge", "Antal personer", "2071M08", "-12"),
                json("row 1", "Gentofte", "A-dagpenge", "Antal fuldtidspersoner", "2071M08", "-11"));

        assertEquals(2, errors.count());
        assertEquals(List.of("Antal personer", "Antal fuldtidspersoner"),
                allErrors().stream().map(RowError::column).toList());
    }

    // --- periods

    @Test
    void resolvesJobindsatsPeriodCodes() {
        ObservationInput month = single(row("157", "dagpenge", "persons", "2018M12", "12"));
        ObservationInput quarter = single(row("157", "dagpenge", "persons", "2018Q04", "12"));

        assertEquals(Period.month(2018, 12), month.key().period());
        assertEquals(Period.quarter(2018, 4), quarter.key().period());
    }

    @Test
    void rejectsRollingPeriod() {
        List<ObservationInput> resolved = resolve(row("157", "dagpenge", "persons", "2023QMAT02", "12"));

        assertEquals(List.of(), resolved);
        RowError error = onlyError();
        assertTrue(error.message().contains("rolling periods"), error.message());
        assertEquals("period", error.column());
    }

    @Test
    void reportsEveryBadCellOfARow() {
        resolve(row("Gentofte Kommune", "dagpenge", "Antal sager", "2018Q5", "12"));

        assertEquals(3, errors.count());
        assertEquals(List.of("area", "measure", "period"), allErrors().stream().map(RowError::column).toList());
    }

    // --- values and status

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "-", "", "  ", " .. "})
    void readsBlankedCellAsSuppressed(String value) {
        ObservationInput input = single(row("157", "dagpenge", "persons", "2018-12", value));

        assertEquals(ObservationStatus.SUPPRESSED, input.status());
        assertNull(input.value());
    }

    @Test
    void readsNullCellAsSuppressed() {
        ObservationInput input = single(json("table 1, row 1", "Gentofte", "A-dagpenge", "Antal personer", "2018M12",
                null));

        assertEquals(ObservationStatus.SUPPRESSED, input.status());
        assertNull(input.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"suppressed", "SUPPRESSED", " Suppressed "})
    void acceptsSuppressedStatusWithoutValue(String status) {
        ObservationInput input = single(row("157", "dagpenge", "persons", "2018-12", ".", status));

        assertEquals(ObservationStatus.SUPPRESSED, input.status());
        assertNull(input.value());
    }

    @Test
    void rejectsStatusOkWithoutValue() {
        List<ObservationInput> resolved = resolve(row("157", "dagpenge", "persons", "2018-12", ".", "ok"));

        assertEquals(List.of(), resolved);
        RowError error = onlyError();
        assertEquals("the status is ok but there is no value", error.message());
        assertEquals("value", error.column());
    }

    @Test
    void rejectsStatusSuppressedWithValue() {
        List<ObservationInput> resolved = resolve(row("157", "dagpenge", "persons", "2018-12", "12", "suppressed"));

        assertEquals(List.of(), resolved);
        RowError error = onlyError();
        assertEquals("the status is suppressed but a value is given", error.message());
        assertEquals("12", error.value());
    }

    @Test
    void rejectsUnknownStatus() {
        resolve(row("157", "dagpenge", "persons", "2018-12", "12", "missing"));

        RowError error = onlyError();
        assertTrue(error.message().contains("unknown status 'missing'"), error.message());
        assertEquals("status", error.column());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ok", "OK", ""})
    void acceptsValueWithStatusOkOrNoStatus(String status) {
        ObservationInput input = single(row("157", "dagpenge", "persons", "2018-12", "12", status));

        assertEquals(ObservationStatus.OK, input.status());
        assertValue("12", input.value());
    }

    @Test
    void rejectsNegativeValue() {
        List<ObservationInput> resolved = resolve(row("157", "dagpenge", "persons", "2018-12", "-5"));

        assertEquals(List.of(), resolved);
        assertEquals("negative values are not allowed", onlyError().message());
    }

    @Test
    void rejectsNegativeDanishValue() {
        resolve(json("row 1", "Gentofte", "A-dagpenge", "Antal personer", "2018Q04", "-1.313"));

        assertEquals("negative values are not allowed", onlyError().message());
    }

    @Test
    void rejectsValueTooLargeForACount() {
        resolve(row("157", "dagpenge", "persons", "2018-12", "1000000000000"));

        assertTrue(onlyError().message().contains("too large"), onlyError().message());
    }

    @Test
    void acceptsLargestValueBelowTheLimit() {
        ObservationInput input = single(row("157", "dagpenge", "persons", "2018-12", "999999999999.999999"));

        assertValue("999999999999.999999", input.value());
    }

    @Test
    void rejectsTextThatIsNoNumberWithTheNumberStyleMessage() {
        resolve(row("157", "dagpenge", "persons", "2018-12", "1,5"));

        RowError error = onlyError();
        assertTrue(error.message().contains("'1,5' is not a number"), error.message());
        assertEquals("1,5", error.value());
    }

    @Test
    void scalesValueToSixDecimals() {
        ObservationInput input = single(row("157", "dagpenge", "persons", "2018-12", "816.5"));

        assertEquals(ObservationInput.SCALE, input.value().scale());
        assertEquals("816.500000", input.value().toPlainString());
    }

    @Test
    void roundsSeventhDecimalHalfUp() {
        ObservationInput up = single(row("157", "dagpenge", "persons", "2018-12", "0.1234565"));
        ObservationInput down = single(row("157", "dagpenge", "persons", "2018-11", "0.1234564"));

        assertEquals("0.123457", up.value().toPlainString());
        assertEquals("0.123456", down.value().toPlainString());
    }

    @Test
    void readsDanishThousandsFromJobindsatsText() {
        ObservationInput thousands = single(json("row 1", "Gentofte", "A-dagpenge", "Antal fuldtidspersoner",
                "2018M12", "1.313"));
        ObservationInput decimal = single(json("row 2", "Gentofte", "A-dagpenge", "Antal fuldtidspersoner",
                "2018M11", "0,93"));

        assertValue("1313", thousands.value());
        assertValue("0.93", decimal.value());
    }

    @Test
    void readsPointAsDecimalMarkInTidyCsv() {
        ObservationInput input = single(row("157", "dagpenge", "persons", "2018-12", "1.313"));

        assertValue("1.313", input.value());
    }

    // --- the result (repeated keys are judged where the import stages them: ImportResourceTest)

    @Test
    void keepsRowsThatDifferOnlyInMeasureGroupOrGranularity() {
        List<ObservationInput> resolved = resolve(
                row("157", "dagpenge", "persons", "2018-12", "1"),
                row("157", "dagpenge", "full-time-persons", "2018-12", "2"),
                row("157", "kontanthjaelp", "persons", "2018-12", "3"),
                row("157", "dagpenge", "persons", "2018Q4", "4"),
                row("000", "dagpenge", "persons", "2018-12", "5"));

        assertEquals(0, errors.count());
        assertEquals(List.of("1", "2", "3", "4", "5"), values(resolved));
    }

    @Test
    void leavesRowsWithErrorsOutAndKeepsValidRows() {
        List<ObservationInput> resolved = resolve(
                row("157", "dagpenge", "persons", "2018-12", "12"),
                row("Gentofte Kommune", "dagpenge", "persons", "2018-11", "13"),
                row("157", "dagpenge", "persons", "2018-10", "-1"),
                row("Hele landet", "Kontanthjaelp", "persons", "2018-09", "."),
                row("157", "dagpenge", "persons", "2018-08", "15"));

        assertEquals(2, errors.count());
        assertEquals(List.of("line 3", "line 4"), allErrors().stream().map(RowError::location).toList());
        assertEquals(List.of("12", "suppressed", "15"), values(resolved));
        assertEquals(List.of("157", "000", "157"), resolved.stream().map(input -> input.key().areaCode()).toList());
    }

    // --- helpers

    private RawObservation row(String area, String group, String measure, String period, String value) {
        return row(area, group, measure, period, value, null);
    }

    private RawObservation row(String area, String group, String measure, String period, String value,
            String status) {
        int line = nextLine++;
        return new RawObservation("line " + line, line, new RawObservation.Cell("area", area),
                group == null ? null : new RawObservation.Cell("target_group", group),
                new RawObservation.Cell("measure", measure), new RawObservation.Cell("period", period),
                new RawObservation.Cell("value", value),
                status == null ? null : new RawObservation.Cell("status", status), NumberStyle.PLAIN);
    }

    private static RawObservation json(String location, String area, String group, String measure, String period,
            String value) {
        return new RawObservation(location, null, new RawObservation.Cell("Område", area),
                new RawObservation.Cell("Ydelsesgrupper", group), new RawObservation.Cell(measure, measure),
                new RawObservation.Cell("Periode", period), new RawObservation.Cell(measure, value), null,
                NumberStyle.DANISH);
    }

    private List<ObservationInput> resolve(RawObservation... rows) {
        return ObservationResolver.resolve(List.of(rows), CATALOGUE, errors);
    }

    private ObservationInput single(RawObservation row) {
        List<ObservationInput> resolved = resolve(row);
        if (errors.count() > 0) {
            ProblemException e = assertThrows(ProblemException.class, errors::throwIfAny);
            throw new AssertionError("unexpected errors: " + e.problem().errors());
        }
        assertEquals(1, resolved.size());
        return resolved.get(0);
    }

    private RowError onlyError() {
        assertEquals(1, errors.count());
        return allErrors().get(0);
    }

    private List<RowError> allErrors() {
        ProblemException e = assertThrows(ProblemException.class, errors::throwIfAny);
        return e.problem().errors();
    }

    private static void assertValue(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was "
                + actual);
    }

    private static List<String> values(List<ObservationInput> resolved) {
        List<String> values = new ArrayList<>();
        for (ObservationInput input : resolved) {
            values.add(input.value() == null ? input.status().code()
                    : input.value().stripTrailingZeros().toPlainString());
        }
        return values;
    }
}
