package dk.noegletal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecondTimeTest {

    @Test
    void aKeyIsNotedTheFirstTimeAndKnownFromTheSecond() {
        SecondTime computed = new SecondTime(16);
        assertFalse(computed.noted("/api/v1/areas/101/key-figures?period=2024"));
        assertTrue(computed.noted("/api/v1/areas/101/key-figures?period=2024"));
        assertTrue(computed.noted("/api/v1/areas/101/key-figures?period=2024"));
        assertFalse(computed.noted("/api/v1/areas/157/key-figures?period=2024"));
    }

    @Test
    void onlyTheLastKeyOfASlotIsRemembered() {
        SecondTime computed = new SecondTime(2);
        // 0 and 2 fall in slot 0 (hash codes of Integer are the numbers), 1 in slot 1.
        assertFalse(computed.noted(0));
        assertFalse(computed.noted(1));
        assertFalse(computed.noted(2));
        assertTrue(computed.noted(1));
        assertFalse(computed.noted(0), "pushed out by 2");
        assertFalse(computed.noted(2), "pushed out by 0 in turn");
    }

    @Test
    void slotsArePowersOfTwo() {
        assertEquals("slots must be a power of two, not 1000",
                assertThrows(IllegalArgumentException.class, () -> new SecondTime(1000)).getMessage());
    }
}
