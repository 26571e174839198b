package org.sakshi.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.sakshi.core.SigningException;

/**
 * What a signing certificate must satisfy before Sakshi signs with it: valid now (an expired
 * certificate is refused unless the caller explicitly allows it) and, when it has a keyUsage
 * extension, digitalSignature asserted (RFC 5280 §4.2.1.3).
 */
final class IdentityChecks {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private IdentityChecks() {
    }

    static void check(List<X509Certificate> chain, String source, SigningOptions options) throws SigningException {
        X509Certificate cert = chain.get(0);
        String who = Certificates.subject(cert);
        Instant now = options.now();
        Instant notAfter = cert.getNotAfter().toInstant();
        Instant notBefore = cert.getNotBefore().toInstant();
        if (now.isAfter(notAfter) && !options.allowExpired()) {
            throw new SigningException("the signing certificate " + who + " in " + source + " expired on "
                    + DAY.format(notAfter) + "; renew it or use another identity.");
        }
        if (now.isBefore(notBefore) && !options.allowExpired()) {
            throw new SigningException("the signing certificate " + who + " in " + source + " is not valid before "
                    + DAY.format(notBefore) + "; check the computer's clock.");
        }
        if (!Certificates.allowsDigitalSignature(cert)) {
            throw new SigningException("the certificate " + who + " in " + source
                    + " does not allow digital signatures (keyUsage lacks digitalSignature); use a signing certificate.");
        }
        String usage = Certificates.signerUsageProblem(cert);
        if (usage != null) {
            throw new SigningException("the certificate " + who + " in " + source + " cannot sign evidence bundles: "
                    + usage + "; use the officer's signing certificate.");
        }
    }

    static String formatInstant(Instant t) {
        return DAY.format(t);
    }
}
