package org.sakshi.bundle;

import java.nio.charset.StandardCharsets;

/** {@code VERIFY.txt}: plain-language steps to check a bundle with standard tools, no Sakshi needed. */
public final class VerifyText {
    private VerifyText() {
    }

    /**
     * @param bundleId the bag folder's name
     * @param tsaTokens number of time-stamp tokens over the tag manifest (0 when no TSA answered)
     */
    public static byte[] render(String bundleId, String caseNumber, String signerSubject, int tsaTokens) {
        String nl = "\n";
        StringBuilder s = new StringBuilder();
        s.append("HOW TO VERIFY THIS EVIDENCE BUNDLE").append(nl);
        s.append("==================================").append(nl).append(nl);
        s.append("Bundle ").append(bundleId).append(" for case ").append(caseNumber).append(", sealed by ")
                .append(signerSubject).append('.').append(nl).append(nl);
        s.append("This folder is a BagIt 1.0 bag (RFC 8493). You can check it with Sakshi or with standard tools.")
                .append(nl).append(nl);
        s.append("With Sakshi:").append(nl);
        s.append("    sakshi verify BUNDLE.zip --trust agency-ca.pem --tsa-trust tsa-root.pem").append(nl);
        s.append("  (add --expect-signer OFFICER.pem to insist on this officer's certificate)").append(nl);
        s.append("  PASSED means every file, signature, time-stamp and custody event is intact and trusted.")
                .append(nl).append(nl);
        s.append("Without Sakshi (Linux, macOS, or Windows with Git Bash), after unzipping, from inside the folder ")
                .append(bundleId).append(":").append(nl).append(nl);
        s.append("1. Every evidence file is unchanged (each line must say OK):").append(nl);
        s.append("       sha256sum -c manifest-sha256.txt").append(nl);
        s.append("2. The list of files and metadata is unchanged:").append(nl);
        s.append("       sha256sum -c tagmanifest-sha256.txt").append(nl);
        s.append("3. The officer's signature over that list is valid (needs the agency's CA certificate):").append(nl);
        s.append("       openssl cms -verify -binary -inform DER -in signature/tagmanifest-sha256.txt.p7s \\").append(nl);
        s.append("         -content tagmanifest-sha256.txt -CAfile agency-ca.pem -purpose any -out /dev/null").append(nl);
        s.append("   It must print 'CMS Verification successful'. certs/signer-chain.pem holds the signer's")
                .append(" certificates.").append(nl);
        if (tsaTokens > 0) {
            s.append("4. The list existed at the stated time (needs the time-stamp authority's root certificate):")
                    .append(nl);
            s.append("       openssl ts -verify -data tagmanifest-sha256.txt \\").append(nl);
            s.append("         -in signature/tagmanifest-sha256.txt.tsr -CAfile tsa-root.pem").append(nl);
            s.append("   It must print 'Verification: OK'. 'openssl ts -reply -in FILE.tsr -text' shows the time.")
                    .append(nl);
            s.append("   certs/tsa-chain.pem holds the authority's certificates.").append(nl);
        } else {
            s.append("4. No time-stamp authority answered when this bundle was sealed, so there is no")
                    .append(" signature/*.tsr file.").append(nl);
        }
        s.append("5. Each item existed at its import time: take the item's sha256 from data/case.json and run")
                .append(nl);
        s.append("       openssl ts -verify -digest SHA256_OF_ITEM -in data/timestamps/ITEM.tsr -CAfile tsa-root.pem")
                .append(nl);
        s.append("6. The PDF report and certificates in data/report/ carry PAdES signatures; open them in a PDF")
                .append(nl);
        s.append("   reader or run 'pdfsig data/report/report.pdf' (it must say 'Signature is Valid.').").append(nl)
                .append(nl);
        s.append("Years later: the signature and the PDFs are long-term (CAdES/PAdES-BASELINE-LTA) when the bundle")
                .append(nl);
        s.append("was sealed online; they carry their certificate chains, revocation data and archive time-stamps.")
                .append(nl);
        s.append("Any ETSI EN 319 102-1 validator (e.g. the EU's DSS) checks them offline with only the two roots")
                .append(nl);
        s.append("below as trust anchors, also after the officer's certificate has expired; or run")
                .append(nl);
        s.append("'sakshi verify BUNDLE.zip --trust agency-ca.pem --tsa-trust tsa-root.pem [--at DATE]'.").append(nl)
                .append(nl);
        s.append("If the bundle reached you encrypted (BUNDLE.zip.p7m, CMS AuthEnvelopedData with AES-256-GCM),")
                .append(nl);
        s.append("open it first with your certificate and private key (OpenSSL 3.0 or newer), then check BUNDLE.zip:")
                .append(nl);
        s.append("       openssl cms -decrypt -inform DER -in BUNDLE.zip.p7m -recip my-cert.pem \\").append(nl);
        s.append("         -inkey my-key.pem -out BUNDLE.zip").append(nl);
        s.append("  (with a .p12 file: openssl pkcs12 -in me.p12 -nocerts -nodes -out my-key.pem first;")
                .append(nl);
        s.append("   or: sakshi decrypt BUNDLE.zip.p7m --keystore me.p12 --storepass-file pw.txt).").append(nl);
        s.append("  It must exit 0 and print nothing. 'Error decrypting CMS structure' (exit 4) means the file was")
                .append(nl);
        s.append("  altered or is incomplete: openssl still writes BUNDLE.zip then, so delete it and get a new copy.")
                .append(nl).append(nl);
        s.append("Obtain agency-ca.pem and tsa-root.pem from the agency and the time-stamp authority directly,")
                .append(nl);
        s.append("never from this bundle: a forger could replace certificates inside it.").append(nl);
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * VERIFY.txt with the steps for the earlier hops ({@code data/provenance/<id>/}, docs/bundle-format.md#provenance)
     * appended; unchanged when the bundle carries none.
     */
    public static byte[] withProvenance(byte[] verifyTxt, java.util.List<String> hops) {
        if (hops.isEmpty()) {
            return verifyTxt;
        }
        String nl = "\n";
        StringBuilder s = new StringBuilder(new String(verifyTxt, StandardCharsets.UTF_8)).append(nl);
        s.append("EARLIER HOPS: BUNDLES THIS CASE RECEIVED FROM OTHER AGENCIES").append(nl);
        s.append("==============================================================").append(nl).append(nl);
        s.append("The evidence came in ").append(hops.size()).append(" bundle(s) sealed by other agencies. Each is kept,")
                .append(" as its sender").append(nl);
        s.append("signed it, without its evidence files (those are in data/evidence/ of this bundle):").append(nl);
        for (String id : hops) {
            s.append("    data/provenance/").append(id).append('/').append(nl);
        }
        s.append(nl).append("From inside each of those folders, with the SENDING agency's CA certificate:").append(nl);
        s.append("a. The sender's tag files are unchanged:      sha256sum -c tagmanifest-sha256.txt").append(nl);
        s.append("b. The sender's signature over them is valid:").append(nl);
        s.append("       openssl cms -verify -binary -inform DER -in signature/tagmanifest-sha256.txt.p7s \\").append(nl);
        s.append("         -content tagmanifest-sha256.txt -CAfile sending-agency-ca.pem -purpose any -out /dev/null")
                .append(nl);
        s.append("c. The sender's case.json and custody log are the ones it sealed (the evidence lines are")
                .append(" reported missing):").append(nl);
        s.append("       sha256sum -c --ignore-missing manifest-sha256.txt").append(nl);
        s.append("d. Each item the sender sealed is the item here: its line in that manifest-sha256.txt")
                .append(" (data/evidence/ITEM/NAME)").append(nl);
        s.append("   shows the same SHA-256 as this bundle's data/case.json and manifest-sha256.txt. The custody log")
                .append(nl);
        s.append("   of this bundle records the receipt (BUNDLE_RECEIVED: the sender's certificate SHA-256 and")
                .append(" custody head)").append(nl);
        s.append("   and each item taken in (ITEM_IMPORTED with 'received': the sender's item id and SHA-256).")
                .append(nl);
        s.append("e. The sender's time-stamp: openssl ts -verify -data tagmanifest-sha256.txt \\").append(nl);
        s.append("         -in signature/tagmanifest-sha256.txt.tsr -CAfile tsa-root.pem").append(nl);
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
