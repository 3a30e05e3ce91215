package dk.noegletal.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** The service's own settings, under the prefix {@code noegletal}. */
@ConfigMapping(prefix = "noegletal")
public interface NoegletalConfig {

    /** Folder of the embedded H2 database file (default build only). */
    @WithDefault("./data")
    String dataDir();

    /** Demo data loaded into an empty database at start-up. */
    Demo demo();

    /** Limits of imports. */
    Imports imports();

    interface Demo {
        /** Whether an empty database is filled with the Gentofte demo figures at start-up. */
        @WithDefault("false")
        boolean enabled();
    }

    interface Imports {
        /** How many row errors a rejected import lists (all are counted). */
        @WithDefault("20")
        @Min(1)
        int maxListedErrors();
    }
}
