package dk.noegletal.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.noegletal.common.ProblemException;
import org.junit.jupiter.api.Test;

/** Period parameters, with and without the words for the newest period stored. */
class PeriodParameterTest {

    @Test
    void givesAPeriodOrAWordToResolveLater() {
        assertEquals(new PeriodParameter.Given(Period.month(2018, 12), null),
                PeriodParameter.requiredOrLatest("period", "2018M12"));
        assertEquals(new PeriodParameter.Given(null, LatestPeriod.LATEST_QUARTER),
                PeriodParameter.requiredOrLatest("period", "Latest-Quarter"));
        assertNull(PeriodParameter.optionalOrLatest("from", " "));
    }

    @Test
    void resolvesOnlyAWord() {
        PeriodParameter.Given period = PeriodParameter.requiredOrLatest("period", "2018");
        assertEquals(Period.year(2018), period.resolve(word -> {
            throw new AssertionError("a period needs no resolving");
        }));
        assertEquals(Period.month(2030, 1), PeriodParameter.requiredOrLatest("period", "latest")
                .resolve(word -> word == LatestPeriod.LATEST ? Period.month(2030, 1) : null));
    }

    @Test
    void aWordThatIsNoPeriodIsA400ThatMentionsLatest() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> PeriodParameter.requiredOrLatest("period", "newest"));
        assertEquals(400, e.problem().status());
        assertEquals("The parameter 'period' is invalid: 'newest' is not a period; use " + Period.ACCEPTED_FORMS
                + ", or latest for the newest period stored (or latest-month, latest-quarter, latest-year).",
                e.problem().detail());
    }

    @Test
    void otherReasonsAndAMissingParameterMentionLatestToo() {
        ProblemException month = assertThrows(ProblemException.class,
                () -> PeriodParameter.requiredOrLatest("period", "2018-13"));
        assertTrue(month.problem().detail().endsWith("(months are 1-12). Use " + Period.ACCEPTED_FORMS
                + ", or latest for the newest period stored (or latest-month, latest-quarter, latest-year)."),
                month.problem().detail());
        ProblemException missing = assertThrows(ProblemException.class,
                () -> PeriodParameter.requiredOrLatest("period", null));
        assertTrue(missing.problem().detail().contains("or latest for the newest period stored"),
                missing.problem().detail());
    }

    @Test
    void theParsersOfPeriodsOnlyNeitherTakeNorMentionLatest() {
        ProblemException e = assertThrows(ProblemException.class, () -> PeriodParameter.required("period", "latest"));
        assertEquals("The parameter 'period' is invalid: 'latest' is not a period; use " + Period.ACCEPTED_FORMS
                + ".", e.problem().detail());
    }
}
