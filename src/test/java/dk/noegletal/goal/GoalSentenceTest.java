package dk.noegletal.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.noegletal.goal.Goal.Basis;
import dk.noegletal.goal.Goal.Shape;
import dk.noegletal.goal.GoalEvaluator.Measurement;
import dk.noegletal.timeseries.Completeness;
import dk.noegletal.timeseries.Figure;
import dk.noegletal.timeseries.Reason;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoalSentenceTest {

    private static final Completeness YEAR = new Completeness(12, 12, Completeness.Basis.MONTHS);
    private static final GoalSentence.Subject SHARE = new GoalSentence.Subject("Gentofte",
            "andelen af befolkningen 16-66 år på Kontanthjælp", true);

    @Test
    void aFallAgainstLastYearGivesBothYearsAndTheChangeInPercentagePoints() {
        Goal goal = new Goal(2018, Shape.FALL, Basis.ANNUAL, null, null, null, false, null);
        assertEquals("Andelen af befolkningen 16-66 år på Kontanthjælp skal falde i forhold til året før. I 2018 var "
                + "tallet 8,98 % mod 9,1 % i 2017, et fald på 0,12 procentpoint. Målet er nået.",
                sentence(goal, SHARE, "8.98", "9.1", YEAR));
    }

    @Test
    void aPartialYearSaysHowManyMonthsAndWhetherItIsOnTrack() {
        Goal goal = new Goal(2022, Shape.BELOW, Basis.ANNUAL, null, null, new BigDecimal("8.0"), false, null);
        assertEquals("Andelen af befolkningen 16-66 år på Kontanthjælp skal være under 8,0 %. I 2022 indtil nu "
                + "(6 af 12 måneder) er tallet 8,2 %. Målet kan gøres op, når året er omme; med tallene indtil nu er "
                + "det ikke på sporet.", sentence(goal, SHARE, "8.2", null,
                        new Completeness(6, 12, Completeness.Basis.MONTHS)));
    }

    @Test
    void personsAreWrittenWithThousandsSeparators() {
        Goal goal = new Goal(2018, Shape.RISE, Basis.YEAR_TO_DATE, null, null, null, false, null);
        GoalSentence.Subject persons = new GoalSentence.Subject("Gentofte", "antallet af fuldtidspersoner på "
                + "Fleksjob (Fleksjobberettiget)", false);
        assertEquals("Antallet af fuldtidspersoner på Fleksjob (Fleksjobberettiget) skal stige i forhold til året "
                + "før. I 2018 til dato (6 af 12 måneder) var tallet 1.234,5 mod 1.240 i de samme måneder af 2017, et "
                + "fald på 5,5. Målet er ikke nået.", sentence(goal, persons, "1234.5", "1240",
                        new Completeness(6, 12, Completeness.Basis.MONTHS)));
    }

    @Test
    void aRankGoalGivesTheRankAmongTheMunicipalitiesRanked() {
        Goal goal = new Goal(2018, Shape.AMONG_LOWEST, Basis.ANNUAL, null, null, null, false, 3);
        Measurement measured = new Measurement(Figure.of(new BigDecimal("0.71")), Figure.missing(Reason.NO_DATA),
                YEAR);
        List<GoalEvaluator.Peer> peers = List.of(new GoalEvaluator.Peer("157", measured.value()),
                new GoalEvaluator.Peer("101", Figure.of(new BigDecimal("0.5"))));
        assertEquals("Gentofte skal være blandt de 3 kommuner, hvor andelen af befolkningen 16-66 år på "
                + "Kontanthjælp er lavest. I 2018 var Gentofte nr. 2 af 2 (0,71 %). Målet er nået.",
                GoalSentence.of(goal, SHARE, GoalEvaluator.evaluate(goal, "157", measured, peers)));
    }

    @Test
    void aMissingFigureSaysWhyInDanish() {
        Goal goal = new Goal(2018, Shape.ABOVE, Basis.MONTH, 6, null, new BigDecimal("77"), true, null);
        assertEquals("Andelen af befolkningen 16-66 år på Kontanthjælp skal være mindst 77,0 %. Målet kan ikke gøres "
                + "op for juni 2018: Jobindsats har diskretioneret et tal, som målingen bygger på.",
                GoalSentence.of(goal, SHARE, GoalEvaluator.evaluate(goal, "157", new Measurement(
                        Figure.missing(Reason.SUPPRESSED), Figure.missing(Reason.SUPPRESSED), YEAR), List.of())));
    }

    private static String sentence(Goal goal, GoalSentence.Subject subject, String value, String previous,
            Completeness completeness) {
        Measurement measured = new Measurement(Figure.of(new BigDecimal(value)), previous == null
                ? Figure.missing(Reason.NO_PREVIOUS_VALUE) : Figure.of(new BigDecimal(previous)), completeness);
        return GoalSentence.of(goal, subject, GoalEvaluator.evaluate(goal, "157", measured, List.of()));
    }
}
