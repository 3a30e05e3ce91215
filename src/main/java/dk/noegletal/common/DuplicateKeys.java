package dk.noegletal.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON objects that give a key twice are refused wherever JSON is read (Jackson's strict duplicate detection, on
 * in {@link JacksonCustomizer} and in the import parser), since a reader would silently keep the last value. Jackson
 * reports them as a parse error; this names the key for the problem's sentence.
 */
public final class DuplicateKeys {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '(.*)'");

    private DuplicateKeys() {
    }

    /** The key given twice, when that is what the error is. */
    public static Optional<String> in(Throwable e) {
        if (!(e instanceof JsonProcessingException json) || json.getOriginalMessage() == null) {
            return Optional.empty();
        }
        Matcher duplicate = DUPLICATE.matcher(json.getOriginalMessage());
        return duplicate.matches() ? Optional.of(ProblemMapper.printable(duplicate.group(1))) : Optional.empty();
    }
}
