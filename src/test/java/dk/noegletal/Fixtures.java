package dk.noegletal;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Test fixtures: the project's copies of the published catalogues and tables. */
public final class Fixtures {

    /** Reads decimals in responses as BigDecimal, so that 816.5 is not rounded through a float. */
    public static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    /** A JSON number equal in value to the given decimal, whatever Java type the JSON reader chose for it. */
    public static Matcher<Object> number(String expected) {
        BigDecimal wanted = new BigDecimal(expected);
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof Number && new BigDecimal(actual.toString()).compareTo(wanted) == 0;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the number " + expected);
            }
        };
    }

    /** The editor of the test configuration, who may import and change clusters. */
    public static final String EDITOR = "editor";
    public static final String EDITOR_PASSWORD = "test-editor-password";

    private Fixtures() {
    }

    /** A request signed in as the test editor: what every test that changes data uses in place of RestAssured's. */
    public static RequestSpecification given() {
        return RestAssured.given().auth().preemptive().basic(EDITOR, EDITOR_PASSWORD);
    }

    /** The rows of a CSV resource with a header, as maps from column to text. */
    public static List<Map<String, String>> csv(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource);
                MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
