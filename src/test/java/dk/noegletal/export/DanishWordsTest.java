package dk.noegletal.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a Danish header is composed from the words of a column's path. */
class DanishWordsTest {

    private static final DanishHeaders HEADERS = DanishHeaders.load();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "areaCode                            | Områdekode",
            "fullTimePersons                     | Fuldtidspersoner",
            "nationalShare.value                 | Landsandel (%)",
            "nationalShare.changePp              | Landsandel, ændring (procentpoint)",
            "change.percent                      | Ændring (%)",
            "changePp                            | Ændring (procentpoint)",
            "parent.code                         | Overordnet områdekode",
            "completeness.monthsPresent          | Fuldstændighed, måneder med data",
            "evaluation.completeness.partial     | Opfyldelse, fuldstændighed, delvis periode",
            "vs1084.changePercent                | Sammenlignet med 1084, ændring (%)",
            "vs000.area.name                     | Sammenlignet med 000, områdenavn",
            "measure.targetGroup.code            | Opgørelse, målgruppekode",
    })
    void aHeaderIsTheWordsOfItsPath(String path, String header) {
        assertEquals(Optional.of(header), HEADERS.of(Arrays.asList(path.split("\\."))));
    }

    @ParameterizedTest
    @CsvSource({"somethingNew", "change.somethingNew", "somethingNew.code"})
    void aPathWithAPropertyWithoutWordsHasNoHeader(String path) {
        assertEquals(Optional.empty(), HEADERS.of(List.of(path.split("\\."))));
    }
}
