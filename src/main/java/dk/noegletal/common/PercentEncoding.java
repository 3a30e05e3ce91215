package dk.noegletal.common;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The rule for the path and query of an address: ASCII only, anything else as %-escapes of UTF-8 bytes (RFC 3986).
 * The decoders further on would read a broken escape or a byte that is not UTF-8 as U+FFFD, and a raw non-ASCII
 * byte as Latin-1, so that "/areas/%FF" would be looked up as an area named "\uFFFD": such an address is refused.
 */
final class PercentEncoding {

    private PercentEncoding() {
    }

    /** What is wrong with the raw (undecoded) path or query, or null when every character reads one way. */
    static String problemIn(String raw) {
        int at = 0;
        while (at < raw.length()) {
            char c = raw.charAt(at);
            if (c == '%') {
                int start = at;
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                while (at < raw.length() && raw.charAt(at) == '%') {
                    if (at + 2 >= raw.length() || !isHex(raw.charAt(at + 1)) || !isHex(raw.charAt(at + 2))) {
                        return "'" + ProblemMapper.printable(raw.substring(at, Math.min(at + 3, raw.length())))
                                + "' is not a %-escape (a % and two hexadecimal digits)";
                    }
                    bytes.write(Integer.parseInt(raw.substring(at + 1, at + 3), 16));
                    at += 3;
                }
                try {
                    StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes.toByteArray()));
                } catch (CharacterCodingException e) {
                    return "'" + raw.substring(start, at) + "' is not UTF-8 text";
                }
            } else if (c < 0x21 || c > 0x7E) {
                return "the character '" + ProblemMapper.printable(String.valueOf(c)) + "' is not %-encoded";
            } else {
                at++;
            }
        }
        return null;
    }

    /**
     * What java.net.URI finds wrong with a whole request target (path and query) whose escapes and characters
     * {@link #problemIn} passed, or null: the check Quarkus' HTTP layer would make (see dk.noegletal.Main), such as
     * a '|' or '{' that must be escaped.
     */
    static String syntaxProblemIn(String requestTarget) {
        try {
            new URI(requestTarget);
            return null;
        } catch (URISyntaxException e) {
            int at = e.getIndex();
            if (at >= 0 && at < requestTarget.length()) {
                char c = requestTarget.charAt(at);
                return "the character '" + ProblemMapper.printable(String.valueOf(c)) + "' must be written "
                        + String.format("%%%02X", (int) c) + " there";
            }
            return "it is not an address (" + e.getReason() + ")";
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }
}
