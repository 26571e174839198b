package org.sakshi.service;

import java.nio.file.Path;
import org.sakshi.core.SakshiException;

/**
 * Run in a separate JVM by {@link Pkcs11DecryptTest} (with its own SOFTHSM2_CONF, so its tokens
 * never meet those of the other PKCS#11 tests): decrypts with a token key through the production
 * {@link EncryptionService} and prints "OK sha256" or "ERROR message". Arguments: library, token
 * label, PIN file, .p7m, output.
 */
public final class Pkcs11DecryptProbe {
    private Pkcs11DecryptProbe() {
    }

    public static void main(String[] args) {
        try {
            EncryptionService.Decrypted d = new EncryptionService(org.sakshi.core.Clock.SYSTEM).decrypt(Path.of(args[3]),
                    Path.of(args[4]), SigningIdentity.pkcs11(Path.of(args[0]), args[1]), Path.of(args[2]), null, null);
            System.out.println("OK " + d.sha256());
        } catch (SakshiException e) {
            System.out.println("ERROR " + e.getMessage());
        }
    }
}
