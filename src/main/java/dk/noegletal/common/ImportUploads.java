package dk.noegletal.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Receives import files to disk on the event loop before the import runs, so that a slow upload holds no worker
 * thread (read as a stream by the REST layer, a few hundred slow clients held every worker and starved all reads) and
 * a file of any size holds no heap: the body is written in chunks as it arrives to a file in the upload folder,
 * reading paused while the disk catches up, and the import reads that file ({@link UploadedFile}).
 * <p>
 * What an upload may take is bounded, each refusal a problem: a body over the largest import file is refused with
 * 413, before it is read when its Content-Length says so, else as soon as it passes the limit; an upload is admitted
 * while the bytes it announces (its Content-Length, or the largest import file when it has none) fit the upload
 * budget beside the files on disk, and while the disk has that room, else it is answered at once with a 503 and
 * Retry-After, before its body is read. Over HTTP/2 a file must come with its length (411 otherwise; see receive).
 */
@ApplicationScoped
class ImportUploads {

    static final String IMPORTS = "/api/v1/imports";
    private static final Pattern IMPORT_PATHS = Pattern.compile(Pattern.quote(IMPORTS) + "(/.*)?");
    private static final Logger LOG = Logger.getLogger(ImportUploads.class);

    private final long largestBody;
    private final long budget;
    private final Path folder;
    private final AtomicLong held = new AtomicLong();
    private final String tooLarge;
    private final String busy;
    private final String noRoom;
    private final String lengthRequired;

    ImportUploads(NoegletalConfig config, ObjectMapper mapper) throws JsonProcessingException {
        this.largestBody = config.imports().maxBody().asLongValue();
        this.budget = Math.max(config.imports().uploadBudget().asLongValue(), largestBody);
        this.folder = ImportFiles.folder(config);
        this.tooLarge = mapper.writeValueAsString(new Problem(ProblemException.type("too-large"),
                "Import file too large", 413, "The file is larger than the " + BodyLimit.describe(largestBody)
                        + " one import may be; split it into several imports, e.g. one per year."));
        this.busy = mapper.writeValueAsString(new Problem(ProblemException.type("busy"), "Busy", 503,
                "The service is receiving as many import files as it can hold; send the file again in a few "
                        + "seconds."));
        this.noRoom = mapper.writeValueAsString(new Problem(ProblemException.type("no-disk-space"),
                "No room for the file", 503, "The service has too little free disk space to receive the file "
                        + "now; send it again later, and tell the service's administrator if it happens again."));
        this.lengthRequired = mapper.writeValueAsString(new Problem(ProblemException.type("length-required"),
                "Length required", 411, "Over HTTP/2 an import file must be sent with its length (Content-Length); "
                        + "send it with its length, or over HTTP/1.1."));
    }

    /** Whether the request is an import, whose body this class receives (and no other reads). */
    static boolean isImport(RoutingContext context) {
        return context.request().method() == HttpMethod.POST && IMPORT_PATHS.matcher(context.normalizedPath())
                .matches();
    }

    void install(@Observes Router router) {
        prepareFolder();
        router.route().order(Integer.MIN_VALUE + 1).method(HttpMethod.POST).pathRegex(IMPORT_PATHS.pattern())
                .handler(this::admit);
    }

    /** Creates the upload folder, and deletes the files a run that stopped while receiving or importing left. */
    private void prepareFolder() {
        try {
            Files.createDirectories(folder);
            int left = 0;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ImportFiles.glob())) {
                for (Path file : files) {
                    Files.deleteIfExists(file);
                    left++;
                }
            }
            if (left > 0) {
                LOG.infof("Deleted %d import files that a stopped run left in %s", left, folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The folder for import files being received, " + folder
                    + ", cannot be created or emptied (noegletal.imports.upload-dir)", e);
        }
    }

    private void admit(RoutingContext context) {
        HttpServerRequest request = context.request();
        long length = contentLength(request);
        if (length > largestBody) {
            refuse(context, 413, tooLarge, null);
            return;
        }
        if (length < 0 && request.version() == HttpVersion.HTTP_2) {
            refuse(context, 411, lengthRequired, null);
            return;
        }
        long announced = length >= 0 ? length : largestBody;
        if (held.addAndGet(announced) > budget) {
            held.addAndGet(-announced);
            refuse(context, 503, busy, "5");
            return;
        }
        FileSystem files = context.vertx().fileSystem();
        Path path = ImportFiles.newFile(folder, "");
        UploadedFile upload = new UploadedFile(path, files, () -> held.addAndGet(-announced));
        context.put(UploadedFile.KEY, upload);
        // However the exchange ends, the file goes (after its import, if one reads it) and gives its share back.
        context.addEndHandler(ended -> upload.exchangeEnded());

        // The request stays paused (Quarkus pauses it until a handler is set) while the file is prepared.
        files.fsProps(folder.toString())
                .compose(disk -> disk.usableSpace() >= announced
                        ? files.open(path.toString(), new OpenOptions().setCreateNew(true).setWrite(true)
                                .setPerms("rw-------"))
                        : Future.failedFuture(new NoRoom(disk.usableSpace(), announced)))
                .onSuccess(file -> {
                    if (upload.writingTo(file)) {
                        receive(context, upload, file, length);
                    } else {
                        file.close().onComplete(closed -> files.delete(path.toString()));
                    }
                })
                .onFailure(failure -> {
                    LOG.warnf("An import file cannot be received in %s: %s", folder, failure.getMessage());
                    refuse(context, 503, noRoom, "60");
                });
    }

    /** Writes the body to the file as it arrives, then hands the request on to the import. */
    private void receive(RoutingContext context, UploadedFile upload, AsyncFile file, long length) {
        HttpServerRequest request = context.request();
        // The REST layer cannot take an HTTP/2 request (h2c, as the JDK's HTTP client asks for) that has ended: it
        // pauses the request, which Vert.x refuses then. So over HTTP/2 reading stops when the announced bytes are
        // in, and the end of the stream is left undelivered.
        boolean stopAtLength = request.version() == HttpVersion.HTTP_2;
        Receiving state = new Receiving();
        Handler<Throwable> writeFailed = failure -> {
            if (state.refuse()) {
                LOG.warnf("An import file could not be written to %s: %s", upload.path(), failure.getMessage());
                refuse(context, 503, noRoom, "60");
            }
        };
        Handler<Void> arrived = ended -> {
            if (!state.arrived) {
                state.arrived = true;
                file.close().onComplete(closed -> handOn(context, upload, state, closed.cause(), writeFailed));
            }
        };
        // A client that leaves mid-way ends the exchange; its end handler deletes the file.
        request.exceptionHandler(failure -> { });
        if (request.isEnded() || stopAtLength && length == 0) {
            arrived.handle(null);
            return;
        }
        request.endHandler(arrived);
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))
                && request.version() != HttpVersion.HTTP_1_0) {
            context.response().writeContinue();
        }
        request.handler(chunk -> {
            if (state.refused) {
                return;
            }
            state.received += chunk.length();
            if (state.received > largestBody) {
                state.refuse();
                refuse(context, 413, tooLarge, null);
                return;
            }
            // A failed write is told to the write's future only, not to the file's exception handler.
            file.write(chunk).onFailure(writeFailed);
            if (stopAtLength && state.received >= length) {
                request.pause();
                arrived.handle(null);
            } else if (file.writeQueueFull()) {
                request.pause();
                file.drainHandler(drained -> request.resume());
            }
        });
    }

    /** The body is on disk: the import may read it, unless the file could not be written whole. */
    private static void handOn(RoutingContext context, UploadedFile upload, Receiving state, Throwable failure,
            Handler<Throwable> writeFailed) {
        upload.written();
        if (failure != null) {
            writeFailed.handle(failure);
        } else if (!state.refused) {
            context.next();
        }
    }

    /** How far a body has arrived; touched on the event loop only. */
    private static final class Receiving {
        long received;
        boolean arrived;
        boolean refused;

        /** True the first time: only one refusal is sent. */
        boolean refuse() {
            boolean first = !refused;
            refused = true;
            return first;
        }
    }

    /**
     * Answers with a problem and stops the upload: an HTTP/1 connection is closed once the problem is sent (a client
     * that goes on sending is stopped rather than left writing into a paused request), an HTTP/2 stream is reset
     * with NO_ERROR, which asks the client to stop sending the body without failing the answer.
     */
    static void refuse(RoutingContext context, int status, String problem, String retryAfter) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        boolean http2 = context.request().version() == HttpVersion.HTTP_2;
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (retryAfter != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        if (!http2) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(problem).onComplete(sent -> {
            if (http2) {
                response.reset(0);
            } else {
                context.request().connection().close();
            }
        });
    }

    /** The Content-Length, or -1 when the body has none (chunked, or an HTTP/2 stream without one). */
    static long contentLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && length.matches("\\d{1,18}") ? Long.parseLong(length) : -1;
    }

    private static final class NoRoom extends IOException {
        NoRoom(long usable, long needed) {
            super(usable + " bytes free, " + needed + " needed");
        }
    }
}
