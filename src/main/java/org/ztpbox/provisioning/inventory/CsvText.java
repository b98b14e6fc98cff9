package org.ztpbox.provisioning.inventory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a spreadsheet export into text. UTF-8, with or without the byte order mark
 * Excel's "CSV UTF-8" writes; UTF-16 with its byte order mark (Excel's "Unicode Text"); and, when
 * the bytes are not UTF-8 at all, Windows-1252, which is what Excel's plain "CSV" writes in
 * western locales, with a warning naming the first line that is not UTF-8.
 *
 * @param text         the decoded text, byte order mark removed
 * @param encoding     what it was read as, for messages
 * @param guessedAt    0, or the first line that is not UTF-8 when the encoding had to be guessed
 */
public record CsvText(String text, String encoding, int guessedAt) {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public static CsvText decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new CsvText(strictUtf8(bytes, 3), "UTF-8 with BOM", 0);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new CsvText(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE", 0);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new CsvText(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE", 0);
        }
        String utf8 = strictUtf8(bytes, 0);
        if (utf8 != null) {
            return new CsvText(utf8, "UTF-8", 0);
        }
        return new CsvText(new String(bytes, WINDOWS_1252), "Windows-1252", firstLineNotUtf8(bytes));
    }

    /** Null when the bytes are not valid UTF-8 (a BOM-marked file that is not, is still read leniently). */
    private static String strictUtf8(byte[] bytes, int offset) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return offset == 0 ? null : new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
        }
    }

    private static int firstLineNotUtf8(byte[] bytes) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                if (strictUtf8(java.util.Arrays.copyOfRange(bytes, lineStart, i), 0) == null) {
                    return line;
                }
                line++;
                lineStart = i + 1;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
