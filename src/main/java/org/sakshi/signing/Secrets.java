package org.sakshi.signing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.sakshi.core.InputException;

/**
 * Reads secrets (keystore passwords, token PINs) from files, never from the command line
 * (docs/cli.md#conventions). The secret is the first line of the file,
 * without its line terminator; the rest of the file is ignored.
 */
public final class Secrets {
    private Secrets() {
    }

    /**
     * @return the first line of {@code file} as characters (UTF-8); the caller should clear it after use
     * @throws InputException the file is missing, unreadable or not UTF-8 text
     */
    public static char[] readFirstLine(Path file) throws InputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException("secret file " + file + " does not exist; write the password or PIN on its first line.", e);
        } catch (IOException e) {
            throw new InputException("cannot read secret file " + file + " (" + e.getMessage() + "); check its permissions.", e);
        }
        try {
            CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            int start = cb.length() > 0 && cb.charAt(0) == '\uFEFF' ? 1 : 0;
            int end = start;
            while (end < cb.length() && cb.charAt(end) != '\n' && cb.charAt(end) != '\r') {
                end++;
            }
            char[] out = new char[end - start];
            cb.position(start);
            cb.get(out, 0, out.length);
            Arrays.fill(cb.array(), '\0');
            return out;
        } catch (CharacterCodingException e) {
            throw new InputException("secret file " + file + " is not UTF-8 text; write the password on its first line.", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
