package org.sakshi.ingest.chat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Facebook's "Download your information" JSON escapes each UTF-8 byte of a string as its own
 * {@code &#92;u00XX}, so "नमस्ते" arrives as "à¤¨à¤®...". The repair re-reads the characters as bytes
 * (ISO-8859-1) and decodes them as UTF-8, and keeps the result only when that strict decode succeeds:
 * a genuine Latin-1 name ("José") is not valid UTF-8 as bytes and stays as it is.
 */
final class Mojibake {
    private Mojibake() {
    }

    /** The repaired string, or the same instance when there is nothing to repair. */
    static String repair(String s) {
        if (s == null) {
            return null;
        }
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return s;
            }
            if (c >= 0x80) {
                high = true;
            }
        }
        if (!high) {
            return s;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }
}
