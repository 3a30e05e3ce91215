package dk.noegletal.timeseries;

import static dk.noegletal.Fixtures.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.noegletal.ImportingTest;
import dk.noegletal.measure.Measure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The observations kept in memory answer every read exactly as the SQL does: the same rows, values to the last
 * decimal (BigDecimal's scale included), imports and their times; after an import that revises and suppresses values
 * (brought up to date), as of an earlier import (the SQL answers), and after the newest import was removed.
 */
@QuarkusTest
class CurrentObservationsTest extends ImportingTest {

    private static final Set<Measure> BOTH = Set.of(Measure.FULL_TIME_PERSONS, Measure.POPULATION_16_66);
    private static final List<LocalDate[]> SPANS = List.of(
            span("2040-01-01", "2040-12-31"), span("2040-01-01", "2040-01-31"), span("2040-02-01", "2040-03-31"),
            span("2039-01-01", "2041-12-31"), span("2016-01-01", "2018-12-31"), span("1900-01-01", "2199-12-31"));

    @Inject
    DataSource dataSource;

    private List<String> municipalities;
    private ObservationRepository sql;
    private ObservationRepository memory;

    @BeforeEach
    void repositories() {
        municipalities = given().when().get("/api/v1/areas?type=MUNICIPALITY").then().statusCode(200)
                .extract().jsonPath().getList("code", String.class);
        sql = new ObservationRepository(dataSource, 0);
        memory = new ObservationRepository(dataSource, 3_000_000);
    }

    @Test
    void keptObservationsAnswerAsTheDatabaseDoes() {
        long first = importCsv(everyMunicipality(false));
        assertTrue(memory.keeps(first), "read whole at the first read");
        assertSameAnswers(first);

        long second = importCsv(everyMunicipality(true));
        assertTrue(memory.keeps(second), "brought up to date");
        assertSameAnswers(second);
        assertFalse(memory.keeps(first), "an earlier revision is read from the database");
        assertSameAnswers(first);

        testData.removeImportsAfter(first);
        long third = importCsv("""
                area,target_group,measure,period,value
                101,dagpenge,full-time-persons,2040-03,999.125
                """);
        assertTrue(memory.keeps(third), "read whole again: the snapshot's import is gone");
        assertSameAnswers(third);
    }

    @Test
    void nothingIsKeptWhenThereAreMoreObservationsThanAllowed() {
        long revision = importCsv(everyMunicipality(false));
        assertFalse(new ObservationRepository(dataSource, 10).keeps(revision));
        assertFalse(sql.keeps(revision));
    }

    /**
     * Every municipality's dagpenge in 2040's first months (a sum over all municipalities exists), København also by
     * quarter and year, a suppressed value, the country, population; revised: changed, suppressed, no longer
     * suppressed, and a new month.
     */
    private String everyMunicipality(boolean revised) {
        StringBuilder csv = new StringBuilder("area,target_group,measure,period,value\n");
        for (int i = 0; i < municipalities.size(); i++) {
            String area = municipalities.get(i);
            csv.append(area).append(",dagpenge,full-time-persons,2040-01,").append(100 + i).append(".5\n");
            csv.append(area).append(",dagpenge,full-time-persons,2040-02,")
                    .append(revised && i % 7 == 0 ? "." : String.valueOf(200 + i)).append('\n');
            csv.append(area).append(",,population-16-66,2040,").append(10_000 + i).append('\n');
        }
        csv.append("101,dagpenge,full-time-persons,2040Q1,").append(revised ? "1205.75" : "1205").append('\n');
        csv.append("101,dagpenge,full-time-persons,2040,1300\n");
        csv.append("157,kontanthjaelp,full-time-persons,2040-01,").append(revised ? "12" : ".").append('\n');
        csv.append("000,dagpenge,full-time-persons,2040-01,90000.123456\n");
        if (revised) {
            csv.append("101,dagpenge,full-time-persons,2041-01,7\n");
        }
        return csv.toString();
    }

    private void assertSameAnswers(long revision) {
        List<Collection<String>> areaSets = new ArrayList<>(List.of(List.of("101"), List.of("101", "157", "000"),
                List.of("157", "157")));
        List<String> everyArea = new ArrayList<>(municipalities);
        everyArea.add("000");
        areaSets.add(everyArea);
        List<Collection<String>> groupSets = new ArrayList<>();
        groupSets.add(null);
        groupSets.add(List.of("dagpenge"));
        groupSets.add(List.of("kontanthjaelp", "dagpenge", "forsikrede-ledige"));
        int compared = 0;
        for (LocalDate[] span : SPANS) {
            for (Collection<String> groups : groupSets) {
                for (Collection<String> areas : areaSets) {
                    compared += same(repository -> repository.current(revision, areas, BOTH, groups, span[0],
                            span[1]));
                    compared += sameSeries(repository -> repository.currentSeries(revision, areas, BOTH, groups,
                            span[0], span[1]));
                }
                compared += same(repository -> repository.totals(revision, null, BOTH, groups, span[0], span[1]));
                compared += same(repository -> repository.totals(revision, List.of("101", "157"), BOTH, groups,
                        span[0], span[1]));
            }
        }
        for (List<String> areas : java.util.Arrays.asList(null, List.of("101"), List.of("157", "101"))) {
            for (Measure measure : BOTH) {
                same(repository -> List.of(new TreeMap<>(repository.newestStarts(revision, areas, measure, true, null))));
            }
            same(repository -> List.of(new TreeMap<>(repository.newestStarts(revision, areas, Measure.FULL_TIME_PERSONS, false,
                    "dagpenge"))));
            same(repository -> List.of(new TreeMap<>(repository.newestStarts(revision, areas, Measure.POPULATION_16_66, false,
                    null))));
        }
        assertTrue(compared > 1000, "the reads compared found rows: " + compared);
    }

    /** Asserts both repositories answer the same rows (in any order); answers how many. */
    private int same(Function<ObservationRepository, List<?>> read) {
        List<String> expected = read.apply(sql).stream().map(String::valueOf).sorted().toList();
        List<String> actual = read.apply(memory).stream().map(String::valueOf).sorted().toList();
        assertEquals(expected, actual);
        return expected.size();
    }

    /** Periods asked of every series: those stored, and others around them. */
    private static final List<Period> PROBES = List.of(Period.parse("2039"), Period.parse("2039-12"),
            Period.parse("2040"), Period.parse("2040Q1"), Period.parse("2040Q2"), Period.parse("2040-01"),
            Period.parse("2040-02"), Period.parse("2040-03"), Period.parse("2040-04"), Period.parse("2041-01"),
            Period.parse("2041"));

    /** The days the series are cut at, as a report of a quarter cuts them. */
    private static final List<LocalDate> THROUGH = List.of(LocalDate.parse("2039-12-31"),
            LocalDate.parse("2040-01-31"), LocalDate.parse("2040-03-30"), LocalDate.parse("2040-03-31"),
            LocalDate.parse("2040-12-31"));

    /**
     * Asserts both repositories answer the same series, as maps: the same entries when iterated, and the same point,
     * presence, size and newest import when asked for each; answers how many points.
     */
    private int sameSeries(Function<ObservationRepository, Map<SeriesService.SeriesKey, Map<Period, Point>>> read) {
        Map<SeriesService.SeriesKey, Map<Period, Point>> expected = read.apply(sql);
        Map<SeriesService.SeriesKey, Map<Period, Point>> actual = read.apply(memory);
        assertEquals(expected.keySet(), actual.keySet());
        int points = 0;
        for (SeriesService.SeriesKey key : expected.keySet()) {
            Map<Period, Point> want = expected.get(key);
            Map<Period, Point> got = actual.get(key);
            assertEquals(new TreeMap<>(want).toString(), new TreeMap<>(got).toString(), key.toString());
            assertEquals(want.keySet(), got.keySet(), key.toString());
            assertEquals(want.size(), got.size(), key.toString());
            assertEquals(SeriesService.newestImportId(want), SeriesService.newestImportId(got));
            for (Period period : PROBES) {
                assertEquals(String.valueOf(want.get(period)), String.valueOf(got.get(period)), key + " " + period);
                assertEquals(want.containsKey(period), got.containsKey(period), key + " " + period);
            }
            for (LocalDate through : THROUGH) {
                Map<Period, Point> wantEnding = SeriesService.endingBy(want, through);
                Map<Period, Point> gotEnding = SeriesService.endingBy(got, through);
                assertEquals(new TreeMap<>(wantEnding).toString(), new TreeMap<>(gotEnding).toString(),
                        key + " through " + through);
                for (Period period : PROBES) {
                    assertEquals(String.valueOf(wantEnding.get(period)), String.valueOf(gotEnding.get(period)),
                            key + " " + period + " through " + through);
                }
            }
            points += want.size();
        }
        // Whether one series has every period of another: of each with its neighbours and the country's, cut or not.
        List<SeriesService.SeriesKey> keys = new ArrayList<>(expected.keySet());
        for (int i = 0; i < keys.size(); i++) {
            List<SeriesService.SeriesKey> others = new ArrayList<>(List.of(keys.get((i + 1) % keys.size()),
                    keys.get((i + 7) % keys.size()), keys.get(i)));
            keys.stream().filter(key -> key.areaCode().equals("000")).forEach(others::add);
            for (SeriesService.SeriesKey other : others) {
                for (int t = 0; t < THROUGH.size(); t++) {
                    LocalDate cut = THROUGH.get(t);
                    LocalDate otherCut = THROUGH.get((t + 1) % THROUGH.size());
                    Map<Period, Point> want = SeriesService.endingBy(expected.get(keys.get(i)), cut);
                    Map<Period, Point> wantOther = SeriesService.endingBy(expected.get(other), otherCut);
                    assertEquals(want.keySet().containsAll(wantOther.keySet()),
                            SeriesService.hasEveryPeriodOf(SeriesService.endingBy(actual.get(keys.get(i)), cut),
                                    SeriesService.endingBy(actual.get(other), otherCut)),
                            keys.get(i) + " through " + cut + " has every period of " + other + " through " + otherCut);
                }
            }
        }
        return points;
    }

    private static LocalDate[] span(String from, String to) {
        return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
    }
}
