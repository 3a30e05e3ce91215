package dk.noegletal.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An import file's bytes, which an import may read more than once: a first pass learns the file's shape (its
 * columns, tables and members), a second streams its rows to the store. Held on disk or in memory, never as parsed
 * rows.
 */
@FunctionalInterface
public interface ImportBody {

    /** A new stream over the file from its first byte. */
    InputStream open() throws IOException;

    static ImportBody of(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }

    static ImportBody of(Path file) {
        return () -> Files.newInputStream(file);
    }

    /** A resource on the class path, e.g. the demo's files. */
    static ImportBody resource(String name) {
        return () -> {
            InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IOException("No resource " + name);
            }
            return in;
        };
    }
}
