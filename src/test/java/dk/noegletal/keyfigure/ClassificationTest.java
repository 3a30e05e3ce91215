package dk.noegletal.keyfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassificationTest {

    @ParameterizedTest(name = "{0} pp with tolerance {1} is {2}")
    @CsvSource({
        "0, 1.0, ON_LEVEL",
        "1.0, 1.0, ON_LEVEL",
        "-1, 1.0, ON_LEVEL",
        "1.0000001, 1.0, HIGHER",
        "-1.0000001, 1.0, LOWER",
        "2, 1.0, HIGHER",
        "-5, 1.0, LOWER",
        "0, 0, ON_LEVEL",
        "0.01, 0, HIGHER",
        "-0.01, 0, LOWER",
    })
    void theDifferenceIsOnLevelWithinTheToleranceBoundsIncluded(String difference, String tolerance,
            Classification expected) {
        assertEquals(expected, Classification.of(new BigDecimal(difference), new BigDecimal(tolerance)));
    }
}
