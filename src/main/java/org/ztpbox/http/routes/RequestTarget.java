package org.ztpbox.http.routes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.ztpbox.core.SafePaths;

/**
 * Turns a request-target (RFC 9112 §3.2: origin-form, or absolute-form from a proxy-minded client)
 * into a catalog name under the served prefix, or refuses it. The path is percent-decoded as UTF-8
 * (RFC 3986 §2.1) and then checked by {@link SafePaths} as a whole, so an encoded {@code %2e%2e%2f}
 * is refused like a literal {@code ../}. Nothing is normalised: a name that would need normalising
 * is refused, never silently moved inside the root.
 */
public final class RequestTarget {

    private RequestTarget() {
    }

    /** A catalog name, or a refusal with the status to answer. */
    public record Resolved(String name, int status, String refusal) {

        static Resolved name(String name) {
            return new Resolved(name, 0, null);
        }

        static Resolved refused(int status, String reason) {
            return new Resolved(null, status, reason);
        }

        public boolean ok() {
            return name != null;
        }
    }

    /** @param prefix the served path, starting and ending with '/', e.g. {@code /prov/} */
    public static Resolved resolve(String target, String prefix) {
        String path = target;
        if (path.regionMatches(true, 0, "http://", 0, 7) || path.regionMatches(true, 0, "https://", 0, 8)) {
            int slash = path.indexOf('/', path.indexOf("//") + 2);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        if (!path.startsWith("/")) {
            return Resolved.refused(400, "request-target is not a path");
        }
        int end = path.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = path.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String decoded = percentDecode(path.substring(0, end));
        if (decoded == null) {
            return Resolved.refused(400, "malformed percent-encoding");
        }
        if (!decoded.startsWith(prefix) || decoded.length() == prefix.length()) {
            return Resolved.refused(404, "outside the provisioning path " + prefix);
        }
        String name = decoded.substring(prefix.length());
        SafePaths.Refusal refusal = SafePaths.check(name);
        return refusal == null ? Resolved.name(name) : Resolved.refused(400, refusal.reason());
    }

    /** The decoded text, or null when an escape is malformed or the bytes are not UTF-8. */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
