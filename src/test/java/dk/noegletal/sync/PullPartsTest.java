package dk.noegletal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.noegletal.common.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of a pull that need no server: the selection's requests, the catalogue's entry, the joined answers. */
class PullPartsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void aSelectionBecomesTheRequestsJobindsatsUsersWrite() {
        Selection selection = Selection.of(new SyncRequest("y25i09", null, new SyncRequest.Areas(null, "101,147",
                false), Map.of("_ygrpi09", "/", "_akassebl", "*"), Map.of("q", "2025Q1,2025Q2"),
                Map.of("mgrpy25i09_1", "*"), null));
        assertEquals(List.of("/data/y25i09?mgroup.mgrpy25i09_1=*&period.Q=2025Q1,2025Q2&hierarchy._akassebl=*"
                + "&hierarchy._ygrpi09=/&hierarchy._nykom=101,147&format=json"), selection.requests());
        assertEquals(Map.of("mgroup.mgrpy25i09_1", "*", "period.Q", "2025Q1,2025Q2", "hierarchy._akassebl", "*",
                "hierarchy._ygrpi09", "/", "hierarchy._nykom", "101,147"), selection.queries().get(0));
    }

    @Test
    void theCountryAloneIsOneRequest() {
        Selection selection = Selection.of(new SyncRequest("y25i09", null, new SyncRequest.Areas(null, "/", true),
                null, Map.of("M", "latest:14"), null, null));
        assertEquals(List.of("/data/y25i09?mgroup.*=*&period.M=latest:14&hierarchy._nykom=/&format=json"),
                selection.requests());
    }

    @Test
    void aSelectionThatWouldBreakTheQueryIsRefused() {
        ProblemException refused = assertThrows(ProblemException.class, () -> Selection.of(new SyncRequest("y25i09",
                null, null, Map.of("_ygrpi09", "*&period.M=latest:999"), Map.of("M", "latest:14"), null, null)));
        assertTrue(refused.problem().detail().startsWith("dimensions._ygrpi09 must be"), refused.getMessage());
        assertEquals(400, refused.problem().status());
    }

    @Test
    void theTablesEntryIsFoundWhereverItIsNested() throws IOException {
        JsonNode catalogue = JSON.readTree("[{\"subject_id\": \"s1\", \"table_groups\": [{\"tables\": [{\"table_id\":"
                + " \"y60a01\", \"update_latest\": \"2026-07-01\"}, {\"table_id\": \"Y60A02\", \"table_name\": "
                + "\"Kontanthjælp\", \"update_latest\": \"2026-08-20\", \"update_next\": \"2026-09-17\"}]}]}]");
        assertEquals(new TableInfo("Kontanthjælp", "2026-08-20", "2026-09-17"),
                TableInfo.find(catalogue, "y60a02").orElseThrow());
        assertTrue(TableInfo.find(catalogue, "y25i09").isEmpty());
        assertEquals(new TableInfo("Kontanthjælp (metadata)", "2026-08-20", "2026-09-17"),
                new TableInfo("Kontanthjælp (metadata)", null, null).or(TableInfo.find(catalogue, "y60a02")
                        .orElseThrow()));
    }

    @Test
    void theAnswersOfOnePullAreJoinedIntoOneTable() throws IOException {
        Path municipalities = write("a.json", "{\"columns\": [\"Periode\", \"Område\", \"Antal personer\"], "
                + "\"request_id\": \"r-1\", \"rows\": [[\"2026M07\", \"Gentofte\", 567], [\"2026M07\", \"Aalborg\", "
                + "null]]}");
        Path country = write("b.json", "{\"rows\": [[\"2026M07\", \"Hele landet\", 85491]], \"columns\": "
                + "[\"Periode\", \"Område\", \"Antal personer\"]}");
        Path joined = folder.resolve("joined.json");
        DataAnswers.Joined result = DataAnswers.join(List.of(municipalities, country), joined);
        assertEquals(3, result.rows());
        assertEquals(List.of("r-1"), result.requestIds());
        assertEquals(JSON.readTree("{\"columns\": [\"Periode\", \"Område\", \"Antal personer\"], \"rows\": "
                + "[[\"2026M07\", \"Gentofte\", 567], [\"2026M07\", \"Aalborg\", null], [\"2026M07\", \"Hele landet\","
                + " 85491]]}"), JSON.readTree(joined.toFile()));
    }

    @Test
    void answersWithDifferentColumnsAreNotJoined() throws IOException {
        Path one = write("a.json", "{\"columns\": [\"Periode\", \"Område\", \"Antal personer\"], \"rows\": []}");
        Path other = write("b.json", "{\"columns\": [\"Periode\", \"Område\", \"Antal fuldtidspersoner\"], "
                + "\"rows\": []}");
        JobindsatsException failure = assertThrows(JobindsatsException.class,
                () -> DataAnswers.join(List.of(one, other), folder.resolve("joined.json")));
        assertTrue(failure.getMessage().contains("different columns"), failure.getMessage());
        JobindsatsException notATable = assertThrows(JobindsatsException.class,
                () -> DataAnswers.join(List.of(write("c.json", "{\"code\": 200}")), folder.resolve("j2.json")));
        assertTrue(notATable.getMessage().contains("something other than a table"), notATable.getMessage());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }
}
