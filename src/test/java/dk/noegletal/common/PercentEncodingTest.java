package dk.noegletal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PercentEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/areas/157", "area=157&targetGroup=dagpenge", "name=H%C3%B8je-Taastrup",
            "sign=%E2%82%AC", "with=region,cluster:nord", "q=a+b%20c", ""})
    void asciiAndUtf8EscapesReadOneWay(String raw) {
        assertNull(PercentEncoding.problemIn(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "/api/v1/areas/%zz|'%zz' is not a %-escape (a % and two hexadecimal digits)",
        "area=%E0%A4%A|'%A' is not a %-escape (a % and two hexadecimal digits)",
        "area=%|'%' is not a %-escape (a % and two hexadecimal digits)",
        "/api/v1/areas/%FF|'%FF' is not UTF-8 text",
        "area=%E0%A4|'%E0%A4' is not UTF-8 text",
        "area=%C0%AF|'%C0%AF' is not UTF-8 text",
        "area=%ED%A0%80|'%ED%A0%80' is not UTF-8 text",
        "/api/v1/areas/Hø|the character 'ø' is not %-encoded"})
    void brokenEscapesNonUtf8BytesAndRawCharactersAreNamed(String raw, String problem) {
        assertEquals(problem, PercentEncoding.problemIn(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/areas/157", "/api/v1/series?area=157&targetGroup=dagpenge",
            "/api/v1/areas/H%C3%B8je-Taastrup", "/api/v1/key-figures?with=region,cluster:nord", "*"})
    void requestTargetsAUriCanHoldPass(String target) {
        assertNull(PercentEncoding.syntaxProblemIn(target));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "/api/v1/areas/1{5}7|the character '{' must be written %7B there",
        "/api/v1/areas?name=a^b|the character '^' must be written %5E there",
        "/api/v1/areas/a\\b|the character '\\' must be written %5C there"})
    void charactersAUriCannotHoldAreNamedWithTheirEscape(String target, String problem) {
        assertEquals(problem, PercentEncoding.syntaxProblemIn(target));
    }
}
