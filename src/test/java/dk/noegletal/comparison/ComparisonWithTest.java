package dk.noegletal.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.noegletal.comparison.ComparisonWith.Kind;
import dk.noegletal.common.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonWithTest {

    @Test
    void defaultsToTheRegionAndTheCountry() {
        assertEquals(ComparisonWith.DEFAULT, ComparisonWith.parse(null));
        assertEquals(ComparisonWith.DEFAULT, ComparisonWith.parse(List.of()));
        assertEquals(ComparisonWith.DEFAULT, ComparisonWith.parse(List.of(" , ")));
        assertEquals(List.of("region", "country"), ComparisonWith.DEFAULT.stream().map(ComparisonWith::text).toList());
    }

    @Test
    void readsCommaSeparatedAndRepeatedEntries() {
        List<ComparisonWith> entries = ComparisonWith.parse(List.of("Region, cluster:nord ,101", "COUNTRY"));

        assertEquals(List.of(new ComparisonWith(Kind.REGION, null), new ComparisonWith(Kind.CLUSTER, "nord"),
                new ComparisonWith(Kind.AREA, "101"), new ComparisonWith(Kind.COUNTRY, null)), entries);
        assertEquals(List.of("region", "cluster:nord", "101", "country"),
                entries.stream().map(ComparisonWith::text).toList());
    }

    @Test
    void aClusterEntryNeedsACode() {
        ProblemException e = assertThrows(ProblemException.class, () -> ComparisonWith.parse(List.of("cluster:")));

        assertEquals(400, e.problem().status());
        assertTrue(e.problem().detail().contains("names no cluster"), e.problem().detail());
    }
}
