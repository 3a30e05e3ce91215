package dk.noegletal.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The service's own settings, under the prefix {@code noegletal}. */
@ConfigMapping(prefix = "noegletal")
public interface NoegletalConfig {

    /** Folder of the embedded H2 database file (default build only). */
    @WithDefault("./data")
    String dataDir();

    /**
     * The largest body of a request other than an import (a table's definition, a cluster's members), which is read
     * in memory; a larger one is refused with 413.
     */
    @WithDefault("1M")
    MemorySize maxBody();

    /** Demo data loaded into an empty database at start-up. */
    Demo demo();

    /** Limits of imports. */
    Imports imports();

    /** Who may write. */
    Security security();

    /** How much computing of figures runs at once, and how much of it is kept. */
    Computations computations();

    /** Pulls from the Jobindsats API v3. */
    Jobindsats jobindsats();

    interface Jobindsats {
        /**
         * The organisation's key to the Jobindsats API (requested from STAR, jobindsats@star.dk), best given in the
         * environment as NOEGLETAL_JOBINDSATS_KEY. Sent only as a bearer token to Jobindsats; never logged or shown.
         * Without one, pulls fail with a sentence saying so.
         */
        Optional<String> key();
    }

    interface Demo {
        /** Whether an empty database is filled with the Gentofte demo figures at start-up. */
        @WithDefault("false")
        boolean enabled();
    }

    interface Security {
        /** Who may read: permit (anyone, the default) or authenticated (any signed-in user). */
        @WithDefault("permit")
        String reads();

        /**
         * The users who can sign in with HTTP Basic, by name. A user without a password cannot sign in, so that a
         * build never carries a known default credential.
         */
        Map<String, User> users();
    }

    /** Said at start, after the property's name (noegletal.security.users.editor.password), when it is blank. */
    String BLANK_PASSWORD = "is blank, so the service does not start: set a password with at least one character "
            + "other than spaces (for the user editor, NOEGLETAL_EDITOR_PASSWORD), or remove the setting to leave "
            + "the user without a password.";

    interface User {
        /**
         * The password, best given in the environment (e.g. NOEGLETAL_EDITOR_PASSWORD); none disables the user. One
         * of only blanks is refused at start: it is a mistake (a quoted space in a deployment file), not a secret.
         */
        Optional<@Pattern(regexp = "(?s).*\\S.*", message = BLANK_PASSWORD) String> password();

        /** The roles: editor may import and change clusters. */
        Optional<List<String>> roles();
    }

    interface Imports {
        /** How many row errors a rejected import lists (all are counted). */
        @WithDefault("20")
        @Min(1)
        int maxListedErrors();

        /**
         * How long one import's transaction may take, in seconds; longer ones are rolled back. It must fit the
         * largest import the limits allow on the slowest store (a year of the whole country takes some seconds).
         */
        @WithDefault("600")
        @Min(1)
        int timeoutSeconds();

        /**
         * The largest import file, as sent (its body): a larger one is refused with 413, before it is read when its
         * Content-Length says so, else as soon as it passes the limit. The national history is some 80 MB as tidy
         * CSV and 45 MB as Jobindsats JSON.
         */
        @WithDefault("1G")
        MemorySize maxBody();

        /**
         * How many bytes of import files may be on disk at once, from their first byte until their import is done
         * (each counts its Content-Length, or the largest import file when it has none); an upload beyond it is
         * answered with 503 at once, before its body is read. Never less than the largest import file.
         */
        @WithDefault("2G")
        MemorySize uploadBudget();

        /**
         * The folder import files are written to as they arrive, each deleted when its import is done; by default
         * the folder uploads under the data folder. Emptied at start of what a stopped run left.
         */
        Optional<String> uploadDir();

        /**
         * How long an import waits for the one before it (imports run one at a time, each in one transaction); after
         * that it is answered with 503 and Retry-After.
         */
        @WithDefault("60s")
        Duration queueWait();
    }

    interface Computations {
        /** How many computations of key figures from the store may run at once (each reads many series). */
        @WithDefault("2")
        @Min(1)
        int concurrent();

        /** How long a request waits for its turn to compute; after that it is answered with 503 and Retry-After. */
        @WithDefault("10s")
        Duration queueWait();

        /**
         * The share of the heap, in percent, that computed key figures may hold (cache key-figures). Kept small: the
         * answers are kept as well (cache responses), and under many different requests every computed figure passes
         * through this cache, so what it holds is heap the collector must work around. On the national dataset under
         * 32 connections of different requests (-Xmx160m), 5 rather than 15 answered about a third more key figures
         * and a fifth more quarterly reports and rankings a second, with a third of the full collections (2026-12-03).
         */
        @WithDefault("5")
        @Min(1)
        int figuresHeapPercent();

        /** The share of the heap, in percent, that kept answers may hold (cache responses). */
        @WithDefault("5")
        @Min(1)
        int answersHeapPercent();

        /**
         * How many current observations of the målgruppe and population tables are kept in memory (about 8 bytes
         * each; the national history is 1.4 million), so that key figures, rankings and reports read them there
         * rather than in the database; with more stored, or 0, the database answers every read.
         */
        @WithDefault("3000000")
        @Min(0)
        long observationsKept();
    }
}
