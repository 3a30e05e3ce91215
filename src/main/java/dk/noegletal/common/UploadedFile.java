package dk.noegletal.common;

import io.vertx.core.Future;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.FileSystem;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The import file of one request, received to disk before the import runs (see {@link ImportUploads}). The import
 * takes it, reads it as often as it needs and closes it, which deletes it; a request that ends otherwise (refused,
 * or its client gone) has it deleted when the exchange ends. Its bytes count in the upload budget until then.
 */
public final class UploadedFile implements AutoCloseable {

    static final String KEY = UploadedFile.class.getName();
    private static final Logger LOG = Logger.getLogger(UploadedFile.class);

    private final Path path;
    private final FileSystem files;
    private final Runnable release;
    /** Open while the body arrives. */
    private AsyncFile writing;
    private boolean reading;
    private boolean deleted;

    UploadedFile(Path path, FileSystem files, Runnable release) {
        this.path = path;
        this.files = files;
        this.release = release;
    }

    /**
     * The import file of this request, now the caller's to read until it closes it. A request whose client left
     * before its import started is answered (to no one) with a 400 problem.
     */
    public static UploadedFile take(RoutingContext context) {
        UploadedFile file = context.get(KEY);
        if (file == null) {
            throw new IllegalStateException("No import file was received for " + context.normalizedPath());
        }
        if (!file.startReading()) {
            throw ProblemException.badRequest("incomplete-upload", "Incomplete upload",
                    "The file did not arrive whole; send it again.");
        }
        return file;
    }

    public Path path() {
        return path;
    }

    /** Deletes the file: the import is done with it. */
    @Override
    public void close() {
        synchronized (this) {
            reading = false;
            if (deleted) {
                return;
            }
            deleted = true;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warnf("Could not delete the import file %s (it is deleted at the next start): %s", path, e);
        }
        release.run();
    }

    private synchronized boolean startReading() {
        reading = !deleted;
        return reading;
    }

    /** The file is open for the arriving body; false when the exchange ended meanwhile (the caller deletes it). */
    synchronized boolean writingTo(AsyncFile file) {
        writing = deleted ? null : file;
        return !deleted;
    }

    /** The body arrived whole and the file is closed. */
    synchronized void written() {
        writing = null;
    }

    /** The exchange ended (answered, or its connection closed): the file goes, unless an import is reading it. */
    void exchangeEnded() {
        AsyncFile open;
        synchronized (this) {
            if (deleted || reading) {
                return;
            }
            deleted = true;
            open = writing;
            writing = null;
        }
        Future<Void> closed = open == null ? Future.succeededFuture()
                : open.close().otherwise((Void) null);
        closed.compose(ignored -> files.delete(path.toString())).onComplete(done -> {
            if (done.failed() && !(done.cause() instanceof NoSuchFileException)
                    && !(done.cause().getCause() instanceof NoSuchFileException)) {
                LOG.warnf("Could not delete the import file %s (it is deleted at the next start): %s", path,
                        done.cause());
            }
            release.run();
        });
    }
}
