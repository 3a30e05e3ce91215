package dk.noegletal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A blank password stops the start with a sentence naming the user's setting, through the same configuration
 * validation Quarkus runs at start (checked by hand on the packaged jar: it exits with status 1 after
 * "Configuration validation failed: noegletal.security.users.editor.password is blank, ...").
 */
class BlankPasswordTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @ParameterizedTest
    @ValueSource(strings = {" ", "   ", "\t", " \t\r\n "})
    void aBlankPasswordIsRefusedNamingTheUser(String password) {
        ConfigValidationException refused = assertThrows(ConfigValidationException.class,
                () -> config(Map.of("noegletal.security.users.viewer.password", password)));

        assertEquals(1, refused.getProblemCount());
        assertEquals("noegletal.security.users.viewer.password " + NoegletalConfig.BLANK_PASSWORD,
                refused.getProblem(0).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a long secret", " x ", "æøå"})
    void aPasswordWithAnythingButBlanksIsKept(String password) {
        NoegletalConfig config = config(Map.of("noegletal.security.users.editor.password", password))
                .getConfigMapping(NoegletalConfig.class);

        assertEquals(Optional.of(password), config.security().users().get("editor").password());
    }

    @Test
    void noPasswordLeavesTheUserWithoutOne() {
        NoegletalConfig config = config(Map.of("noegletal.security.users.editor.roles", "editor"))
                .getConfigMapping(NoegletalConfig.class);

        assertTrue(config.security().users().get("editor").password().isEmpty());
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(NoegletalConfig.class)
                // The converters Quarkus registers for its own types, which the mapping's defaults use.
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withValidator(new BeanValidationConfigValidator() {
                    @Override
                    public Validator getValidator() {
                        return VALIDATOR;
                    }
                })
                .build();
    }
}
