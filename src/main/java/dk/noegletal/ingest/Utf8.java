package dk.noegletal.ingest;

import dk.noegletal.common.ProblemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads a body as strict UTF-8, skipping a byte-order mark; bytes that are not UTF-8 fail the read. */
final class Utf8 {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Utf8() {
    }

    static Reader reader(InputStream body) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body, BOM.length);
        byte[] head = in.readNBytes(BOM.length);
        if (!(head.length == BOM.length && head[0] == BOM[0] && head[1] == BOM[1] && head[2] == BOM[2])) {
            in.unread(head);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    /** The rejection for a body that could not be read: not UTF-8, or cut off. */
    static ProblemException unreadable(IOException e) {
        if (e instanceof CharacterCodingException) {
            return ImportErrors.fileError("body", null, null, null,
                    "the file is not UTF-8 text; save it as UTF-8 (Excel: \"CSV UTF-8\") and import it again");
        }
        return ImportErrors.fileError("body", null, null, null, "the file could not be read to its end");
    }
}
