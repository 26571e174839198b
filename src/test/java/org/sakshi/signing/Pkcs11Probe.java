package org.sakshi.signing;

import java.nio.file.Path;
import org.sakshi.core.SakshiException;

/**
 * Loads a PKCS#11 identity in a separate JVM and prints the outcome on one line, so a test can run
 * it without the {@code --add-exports} of the PKCS#11 wrapper (as a bare {@code java -cp} would).
 * Arguments: library, token label, PIN file.
 */
public final class Pkcs11Probe {
    private Pkcs11Probe() {
    }

    public static void main(String[] args) {
        try {
            System.out.println("OK " + Pkcs11Identity.load(Path.of(args[0]), args[1], Path.of(args[2]), null).actor().name());
        } catch (SakshiException e) {
            System.out.println("ERROR " + e.getMessage());
        }
    }
}
