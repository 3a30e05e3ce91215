package dk.noegletal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kind of a measure read from its Jobindsats label, by the rules in the README, on labels of real tables. */
class MeasureKindTest {

    @ParameterizedTest(name = "{0} is a {1}")
    @CsvSource(delimiter = '|', value = {
        // y25i09, long-term unemployment
        "Antal langtidsledige fuldtidspersoner | STOCK",
        "Antal langtidsledige personer | HEAD_COUNT",
        "Antal bruttoledige personer | HEAD_COUNT",
        "Andel langtidsledige personer ift. bruttoledige personer | RATIO",
        // y60a02, kontanthjælp
        "Antal fuldtidspersoner | STOCK",
        "Antal personer | HEAD_COUNT",
        "Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år | RATIO",
        "Fuldtidspersoner i pct. af befolkningen 16-66 år | RATIO",
        // cases, sanctions, notices, hours: events within the period
        "Antal sager | FLOW",
        "Antal sanktioner | FLOW",
        "Antal varslede stillinger | FLOW",
        "Antal afgørelser | FLOW",
        "Antal påbegyndte forløb | FLOW",
        "Antal timer | FLOW",
        "Antal afholdte samtaler | FLOW",
        // averages and durations are ratios, whatever else the label says
        "Gnsn. antal timer pr. person | RATIO",
        "Gennemsnitlig varighed i uger | RATIO",
        "Varighed af forløb | RATIO",
        "Andel rettidige samtaler | RATIO",
        "Virksomhedstilfredshed i procent | RATIO",
        // an unknown label is a head count: never made from months
        "Befolkningen 16-66 år | HEAD_COUNT"})
    void infersTheKindFromTheLabel(String label, MeasureKind kind) {
        assertEquals(kind, MeasureKind.infer(label));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"stock, STOCK", "FLOW, FLOW", "head-count, HEAD_COUNT", " ratio , RATIO"})
    void readsTheCodes(String code, MeasureKind kind) {
        assertEquals(kind, MeasureKind.parse(code).orElseThrow());
    }
}
