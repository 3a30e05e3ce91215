package dk.noegletal.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the words for the newest period name in the newest stored period of each granularity. */
class NewestPeriodsTest {

    private static Optional<Period> resolve(NewestPeriods newest, String word) {
        return newest.resolve(LatestPeriod.parse(word).orElseThrow());
    }

    @Test
    void latestIsTheNewestMonthEvenWhenNewerQuartersOrYearsAreStored() {
        NewestPeriods newest = new NewestPeriods(Period.month(2023, 12), Period.quarter(2024, 2), Period.year(2024));
        assertEquals(Optional.of(Period.month(2023, 12)), resolve(newest, "latest"));
        assertEquals(Optional.of(Period.month(2023, 12)), resolve(newest, "latest-month"));
        assertEquals(Optional.of(Period.quarter(2024, 2)), resolve(newest, "latest-quarter"));
        assertEquals(Optional.of(Period.year(2024)), resolve(newest, "latest-year"));
    }

    @Test
    void aQuarterOrYearCountsWhenAnyOfItsMonthsIsStored() {
        NewestPeriods newest = new NewestPeriods(Period.month(2024, 4), Period.quarter(2023, 4), Period.year(2022));
        assertEquals(Optional.of(Period.quarter(2024, 2)), resolve(newest, "latest-quarter"));
        assertEquals(Optional.of(Period.year(2024)), resolve(newest, "latest-year"));
    }

    @Test
    void withoutMonthsLatestIsTheNewestQuarterAndThenTheNewestYear() {
        NewestPeriods quarters = new NewestPeriods(null, Period.quarter(2024, 3), Period.year(2025));
        assertEquals(Optional.of(Period.quarter(2024, 3)), resolve(quarters, "latest"));
        assertEquals(Optional.empty(), resolve(quarters, "latest-month"));
        assertEquals(Optional.of(Period.year(2025)), resolve(quarters, "latest-year"));

        NewestPeriods years = new NewestPeriods(null, null, Period.year(2018));
        assertEquals(Optional.of(Period.year(2018)), resolve(years, "latest"));
        assertEquals(Optional.empty(), resolve(years, "latest-quarter"));
        assertEquals(Optional.of(Period.year(2018)), resolve(years, "latest-year"));
    }

    @Test
    void nothingStoredNamesNothing() {
        assertTrue(NewestPeriods.NONE.isEmpty());
        for (LatestPeriod word : LatestPeriod.values()) {
            assertEquals(Optional.empty(), NewestPeriods.NONE.resolve(word));
        }
    }

    @Test
    void readsTheStartsOfTheNewestPeriods() {
        NewestPeriods newest = NewestPeriods.of(Map.of(Granularity.MONTH, LocalDate.of(2024, 6, 1),
                Granularity.YEAR, LocalDate.of(2023, 1, 1)));
        assertEquals(new NewestPeriods(Period.month(2024, 6), null, Period.year(2023)), newest);
        assertEquals(NewestPeriods.NONE, NewestPeriods.of(Map.of()));
    }

    @Test
    void refusesAPeriodOfAnotherGranularity() {
        assertThrows(IllegalArgumentException.class, () -> new NewestPeriods(Period.year(2024), null, null));
    }

    @ParameterizedTest
    @CsvSource({"latest, LATEST", "LATEST, LATEST", " Latest-Month , LATEST_MONTH", "latest-quarter, LATEST_QUARTER",
        "latest-year, LATEST_YEAR"})
    void readsTheWordsInAnyLetterCase(String text, LatestPeriod expected) {
        assertEquals(Optional.of(expected), LatestPeriod.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"newest", "latest:1", "latest-week", "2018", "''"})
    void readsNothingElseAsAWord(String text) {
        assertEquals(Optional.empty(), LatestPeriod.parse(text));
    }

    @Test
    void anEndpointOfOneGranularityTakesLatestAndItsOwnWordOnly() {
        assertEquals(Optional.of(LatestPeriod.LATEST_YEAR), LatestPeriod.LATEST.asOnly(Granularity.YEAR));
        assertEquals(Optional.of(LatestPeriod.LATEST_YEAR), LatestPeriod.LATEST_YEAR.asOnly(Granularity.YEAR));
        assertEquals(Optional.empty(), LatestPeriod.LATEST_MONTH.asOnly(Granularity.YEAR));
        assertEquals(Optional.of(LatestPeriod.LATEST_QUARTER), LatestPeriod.LATEST.asOnly(Granularity.QUARTER));
        assertEquals(Optional.empty(), LatestPeriod.LATEST_YEAR.asOnly(Granularity.QUARTER));
    }
}
