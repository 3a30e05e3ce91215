package dk.noegletal.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FigureTest {

    private static final BigDecimal TOLERANCE = new BigDecimal("1e-12");

    private static Figure of(String value) {
        return Figure.of(new BigDecimal(value));
    }

    private static void assertValue(String expected, Figure actual) {
        assertTrue(actual.known(), () -> "expected " + expected + " but was unknown: " + actual.reason());
        assertNull(actual.reason());
        assertEquals(0, new BigDecimal(expected).compareTo(actual.value()),
                () -> "expected " + expected + " but was " + actual.value());
    }

    private static void assertClose(String expected, Figure actual) {
        assertTrue(actual.known(), () -> "expected " + expected + " but was unknown: " + actual.reason());
        BigDecimal difference = new BigDecimal(expected).subtract(actual.value()).abs();
        assertTrue(difference.compareTo(TOLERANCE) < 0, () -> "expected " + expected + " but was " + actual.value());
    }

    private static void assertUnknown(Reason expected, Figure actual) {
        assertFalse(actual.known(), () -> "expected " + expected + " but was " + actual.value());
        assertNull(actual.value());
        assertEquals(expected, actual.reason());
    }

    @Test
    void constructorRejectsBothValueAndReason() {
        assertThrows(IllegalArgumentException.class, () -> new Figure(BigDecimal.ONE, Reason.SUPPRESSED));
    }

    @Test
    void constructorRejectsNeitherValueNorReason() {
        assertThrows(IllegalArgumentException.class, () -> new Figure(null, null));
    }

    @Test
    void factoriesRejectNull() {
        assertThrows(NullPointerException.class, () -> Figure.of(null));
        assertThrows(NullPointerException.class, () -> Figure.missing(null));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        "1.500, 1.5, 1",
        "816.0000, 816, 0",
        "0.00, 0, 0",
        "-2.50, -2.5, 1",
        "12.345, 12.345, 3",
        "100.0, 100, -2",
    })
    void trailingZerosAreStripped(String input, String expected, int expectedScale) {
        Figure figure = of(input);

        assertEquals(0, new BigDecimal(expected).compareTo(figure.value()));
        // The figure keeps the shortest scale (100.0 becomes 1E+2, scale −2).
        assertEquals(expectedScale, figure.value().scale());
        assertEquals(new BigDecimal(expected).stripTrailingZeros(), figure.value());
    }

    @Test
    void figuresWithTheSameValueButDifferentScaleAreEqual() {
        assertEquals(of("1.50"), of("1.5"));
    }

    @Test
    void knownAndZero() {
        assertTrue(of("0.000").isZero());
        assertTrue(of("0.000").known());
        assertFalse(of("0.001").isZero());
        assertFalse(Figure.missing(Reason.NO_DATA).isZero());
        assertFalse(Figure.missing(Reason.NO_DATA).known());
    }

    @Test
    void plusAddsKnownValues() {
        assertValue("1618", of("802").plus(of("816")));
        assertValue("0.3", of("0.1").plus(of("0.2")));
    }

    @Test
    void minusSubtractsKnownValues() {
        assertValue("14", of("816").minus(of("802")));
        assertValue("-14", of("802").minus(of("816")));
        assertValue("-0.01", of("0.48").minus(of("0.49")));
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void plusAndMinusKeepTheReasonOfAnUnknownTerm(Reason reason) {
        Figure unknown = Figure.missing(reason);

        assertUnknown(reason, unknown.plus(of("5")));
        assertUnknown(reason, of("5").plus(unknown));
        assertUnknown(reason, unknown.minus(of("5")));
        assertUnknown(reason, of("5").minus(unknown));
    }

    @Test
    void plusAndMinusPropagateTheFirstUnknownReason() {
        Figure suppressed = Figure.missing(Reason.SUPPRESSED);
        Figure noData = Figure.missing(Reason.NO_DATA);

        assertUnknown(Reason.SUPPRESSED, suppressed.plus(noData));
        assertUnknown(Reason.NO_DATA, noData.plus(suppressed));
        assertUnknown(Reason.SUPPRESSED, suppressed.minus(noData));
        assertUnknown(Reason.NO_DATA, noData.minus(suppressed));
    }

    @Test
    void unknownIsNeverTreatedAsZero() {
        Figure sum = of("10").plus(Figure.missing(Reason.SUPPRESSED));

        assertNull(sum.value());
        assertFalse(sum.isZero());
    }

    @ParameterizedTest(name = "[{index}] {0} of {1} = {2} %")
    @CsvSource({
        "49, 10000, 0.49",
        "48, 10000, 0.48",
        "1, 4, 25",
        "3, 3, 100",
        "0, 7, 0",
        "-5, 20, -25",
        "250, 50, 500",
    })
    void percentOfIsValueOverBaseTimesHundred(String value, String base, String expected) {
        assertValue(expected, of(value).percentOf(of(base)));
    }

    @Test
    void percentOfKeepsTwentySignificantDigitsForARepeatingDecimal() {
        // 1 / 3 × 100 = 33.333...; 20 significant digits: 33.333333333333333333
        Figure third = of("1").percentOf(of("3"));

        assertClose("33.333333333333333333", third);
        assertEquals(20, third.value().precision());
    }

    @Test
    void percentOfZeroBaseIsUnknownWithZeroBase() {
        assertUnknown(Reason.ZERO_BASE, of("5").percentOf(of("0")));
        assertUnknown(Reason.ZERO_BASE, of("0").percentOf(of("0.00")));
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void percentOfUnknownBaseTakesTheBasesReason(Reason reason) {
        assertUnknown(reason, of("5").percentOf(Figure.missing(reason)));
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void percentOfUnknownValueTakesTheValuesReason(Reason reason) {
        assertUnknown(reason, Figure.missing(reason).percentOf(of("100")));
        // Also ahead of a zero base: the value is what is unknown first.
        assertUnknown(reason, Figure.missing(reason).percentOf(of("0")));
    }

    @Test
    void percentOfUnknownValueAndUnknownBaseTakesTheValuesReason() {
        assertUnknown(Reason.SUPPRESSED,
                Figure.missing(Reason.SUPPRESSED).percentOf(Figure.missing(Reason.NO_POPULATION)));
    }

    @Test
    void percentChangeFrom802To816() {
        // (816 − 802) / 802 × 100 = 1400 / 802 = 1.745635910224438902743...
        Figure change = of("816").percentChangeFrom(of("802"));

        assertClose("1.7456359102244389027", change);
        assertEquals(new BigDecimal("1.745635910224"), change.value().setScale(12, RoundingMode.HALF_UP));
    }

    @Test
    void percentChangeFromThreeToZeroIsExactlyMinusHundred() {
        Figure change = of("0").percentChangeFrom(of("3"));

        assertValue("-100", change);
        assertEquals(new BigDecimal("-1E+2"), change.value());
    }

    @Test
    void percentChangeFromZeroToZeroIsUnknownWithZeroBase() {
        assertUnknown(Reason.ZERO_BASE, of("0").percentChangeFrom(of("0")));
    }

    @Test
    void percentChangeFromZeroToSomethingIsUnknownWithZeroBase() {
        assertUnknown(Reason.ZERO_BASE, of("5").percentChangeFrom(of("0")));
    }

    @Test
    void percentChangeOfUnchangedValueIsZero() {
        assertValue("0", of("802").percentChangeFrom(of("802")));
    }

    @Test
    void percentChangeOfAShare() {
        // 0.49 -> 0.48: −0.01 / 0.49 × 100 = −2.040816326530612244897...
        assertClose("-2.0408163265306122449", of("0.48").percentChangeFrom(of("0.49")));
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void percentChangeFromUnknownPreviousTakesItsReason(Reason reason) {
        assertUnknown(reason, of("816").percentChangeFrom(Figure.missing(reason)));
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void percentChangeOfUnknownValueTakesItsReason(Reason reason) {
        assertUnknown(reason, Figure.missing(reason).percentChangeFrom(of("802")));
        assertUnknown(reason, Figure.missing(reason).percentChangeFrom(of("0")));
    }
}
