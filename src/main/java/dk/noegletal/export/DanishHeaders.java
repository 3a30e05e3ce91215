package dk.noegletal.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Danish column headers for the Danish CSV and the workbook, composed from Danish words for the JSON property names
 * of a column's path ({@code danish-headers.properties} beside this class). A header is the words of the whole path
 * when the dictionary has them ({@code nationalShare.value} is "Landsandel (%)"); otherwise the header of the path
 * without its longest suffix that the dictionary has, followed by that suffix's words: after a comma and in lower
 * case ({@code nationalShare.changePp}: "Landsandel, ændring (procentpoint)"), or after a blank when they are a
 * unit in brackets ({@code change.percent}: "Ændring (%)"). A column without words has no Danish header; the
 * plain one is used, and a test finds it.
 */
final class DanishHeaders {

    private static final String DICTIONARY = "danish-headers.properties";
    /** The quarterly report's columns of each compared area: vs1084, vs000. */
    private static final Pattern COMPARED_AREA = Pattern.compile("vs(\\d+)");

    private final Map<String, String> words;

    private DanishHeaders(Map<String, String> words) {
        this.words = words;
    }

    static DanishHeaders load() {
        Properties properties = new Properties();
        try (InputStream in = DanishHeaders.class.getResourceAsStream(DICTIONARY);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> words = new HashMap<>();
        properties.forEach((key, value) -> words.put((String) key, ((String) value).strip()));
        return new DanishHeaders(words);
    }

    /** The Danish headers of the table's columns, the plain one where a column has none. */
    List<String> of(FlatTable table) {
        return table.paths().stream().map(path -> of(path).orElseGet(() -> FlatTable.snakeCase(path))).toList();
    }

    /** The Danish header of a column named by its JSON property path, if the dictionary has words for it. */
    Optional<String> of(List<String> path) {
        String whole = words(path);
        if (whole != null) {
            return Optional.of(whole);
        }
        for (int start = 1; start < path.size(); start++) {
            String last = words(path.subList(start, path.size()));
            if (last != null) {
                return of(path.subList(0, start)).map(first -> joined(first, last));
            }
        }
        return Optional.empty();
    }

    private String words(List<String> path) {
        String words = this.words.get(String.join(".", path));
        if (words == null && path.size() == 1) {
            Matcher compared = COMPARED_AREA.matcher(path.get(0));
            if (compared.matches()) {
                return "Sammenlignet med " + compared.group(1);
            }
        }
        return words;
    }

    private static String joined(String first, String last) {
        if (last.startsWith("(")) {
            return first + " " + last;
        }
        return first + ", " + last.substring(0, 1).toLowerCase(Locale.ROOT) + last.substring(1);
    }
}
