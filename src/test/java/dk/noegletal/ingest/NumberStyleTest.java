package dk.noegletal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberStyleTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            816.5|816.5
            746|746
            0|0
            -12.25|-12.25
            ' 746 '|746
            1313.5|1313.5
            """)
    void readsPlainNumbers(String text, BigDecimal expected) {
        assertNumber(expected, NumberStyle.PLAIN.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,5", "1e3", "abc", "1.313,5", "", ".5", "1."})
    void rejectsPlainTextThatIsNoPlainNumber(String text) {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> NumberStyle.PLAIN.parse(text));

        assertTrue(e.getMessage().contains("'" + text.trim() + "' is not a number"), e.getMessage());
        assertTrue(e.getMessage().contains("816.5"), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.313|1313
            0,93|0.93
            1.313,5|1313.5
            816.5|816.5
            12|12
            1.234.567|1234567
            1.234.567,89|1234567.89
            -1.313|-1313
            '  0,93 '|0.93
            """)
    void readsDanishNumbers(String text, BigDecimal expected) {
        assertNumber(expected, NumberStyle.DANISH.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,2,3", "abc", "1e3", "1,313.5", "1.313.5", ""})
    void rejectsDanishTextThatIsNoNumber(String text) {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> NumberStyle.DANISH.parse(text));

        assertTrue(e.getMessage().contains("'" + text.trim() + "' is not a number"), e.getMessage());
        assertTrue(e.getMessage().contains("1.313 or 0,93"), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.5|1.5
            1.31|1.31
            1.3135|1.3135
            """)
    void readsPointDecimalsThatCannotBeDanishThousands(String text, BigDecimal expected) {
        assertNumber(expected, NumberStyle.DANISH.parse(text));
    }

    /**
     * No Danish number is grouped with a leading zero: "0.500" is 0.5 (as "816.5" is read) or no number, never 500.
     */
    @ParameterizedTest
    @ValueSource(strings = {"0.500", "0.250", "00.500"})
    void doesNotReadLeadingZeroGroupAsDanishThousands(String text) {
        BigDecimal value;
        try {
            value = NumberStyle.DANISH.parse(text);
        } catch (NumberFormatException rejected) {
            return;
        }
        assertTrue(value.compareTo(BigDecimal.ONE) < 0, () -> "'" + text + "' was read as " + value);
    }

    private static void assertNumber(BigDecimal expected, BigDecimal actual) {
        assertEquals(0, expected.compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }
}
