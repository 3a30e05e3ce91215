package dk.noegletal.read;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Keeps a copy of the bytes of a tagged 200 answer, as it is written, for {@link ResponseCache}. */
@Provider
class ResponseCapture implements WriterInterceptor {

    /** Set on a request whose answer may be kept: the answer's ETag. */
    static final String KEEP_PROPERTY = "noegletal.keep";

    private final ResponseCache responses;

    ResponseCapture(ResponseCache responses) {
        this.responses = responses;
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(KEEP_PROPERTY) instanceof EntityTag tag)) {
            context.proceed();
            return;
        }
        OutputStream original = context.getOutputStream();
        Copy copy = new Copy(original);
        context.setOutputStream(copy);
        try {
            context.proceed();
        } finally {
            context.setOutputStream(original);
        }
        if (!copy.overflowed) {
            responses.keep(tag, copy.bytes.toByteArray(), context.getHeaders());
        }
    }

    /** Passes everything on, and copies it while it is no larger than the largest answer kept. */
    private static final class Copy extends FilterOutputStream {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean overflowed;

        Copy(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (!overflowed && fits(1)) {
                bytes.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            if (!overflowed && fits(len)) {
                bytes.write(b, off, len);
            }
        }

        private boolean fits(int length) {
            overflowed = bytes.size() + length > ResponseCache.LARGEST_KEPT;
            return !overflowed;
        }
    }
}
