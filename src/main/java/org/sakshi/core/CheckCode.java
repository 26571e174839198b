package org.sakshi.core;

/**
 * The stable codes of verification checks (docs/bundle-format.md#verdicts); the JSON output and the
 * reports print {@link #name()}. {@link #advisory()} codes are the only ones whose WARNING leaves a
 * verdict PASSED: they report a fact the reader should know that neither weakens integrity nor
 * replaces an expectation (see {@link Verdicts#of}); a WARNING of any other code counts as
 * INDETERMINATE.
 */
public enum CheckCode {
    /** The ZIP container: entry names, sizes, local and central records agree, nothing hidden. */
    ZIP_ENTRY,
    /** bagit.txt reads exactly BagIt 1.0 with UTF-8 tag files. */
    BAGIT_DECLARATION,
    /** bag-info.txt holds every required field and names this bag. */
    BAG_INFO,
    /** manifest-sha256.txt is present, well formed and lists each payload path once. */
    MANIFEST,
    /** Every tag file matches tagmanifest-sha256.txt; nothing unlisted outside data/. */
    TAG_HASH,
    /** A payload file's SHA-256 equals its manifest line. */
    PAYLOAD_HASH,
    /** A file the manifest lists is absent. */
    PAYLOAD_MISSING,
    /** A file under data/ is not listed in the manifest. */
    PAYLOAD_UNLISTED,
    /** bag-info.txt's Payload-Oxum equals the payload's bytes and file count. */
    PAYLOAD_OXUM,
    /** data/case.json matches the manifest, stays within the parsing limits and agrees with it. */
    CASE_JSON,
    /** The custody log matches the manifest and its events form an unbroken hash chain. */
    CUSTODY_CHAIN,
    /** The custody log's last hash equals the head in case.json and bag-info.txt. */
    CUSTODY_HEAD,
    /**
     * Every custody event is covered by a head signed with an enrolled ledger key, and every ledger
     * anchor's head and token match the log (advisory when the log predates signed heads: no heads file
     * and no enrolled key; the bundle's own signature then vouches for the log).
     */
    CUSTODY_SIGNED_HEADS(true),
    /**
     * A hop of the chain across agencies: a received bundle's signed tag files, custody log and case.json
     * carried under data/provenance/&lt;bundle-id&gt;/ are intact, signed by the sender the receipt names,
     * and continue into the BUNDLE_RECEIVED that took them in.
     */
    PROVENANCE,
    /** The CMS signature over tagmanifest-sha256.txt is valid and carries only the sealed certificates. */
    SIGNATURE,
    /** The signer's certificate chains to a trusted signer root. */
    SIGNER_TRUST,
    /**
     * The signer is the exporting officer the custody log and case.json record, the report PDFs are
     * signed by the same certificate, and it is the pinned signer when one was expected.
     */
    SIGNER_MISMATCH,
    /** The signer's certificate is a signing certificate (digitalSignature or nonRepudiation, no timeStamping). */
    SIGNER_KEY_USAGE,
    /** The CMS signing-certificate(-v2) attribute names the certificate that signed. */
    SIGNER_CERT_BINDING,
    /** The signer's certificate was valid at the time of signing. */
    SIGNER_VALIDITY,
    /** The CAdES signature-time-stamp inside a CMS signature (advisory when absent). */
    SIGNATURE_TIMESTAMP(true),
    /** An RFC 3161 time-stamp over tagmanifest-sha256.txt. */
    BUNDLE_TIMESTAMP,
    /** An item's import time-stamp (advisory when the item was never time-stamped). */
    ITEM_TIMESTAMP(true),
    /** A PDF of data/report/ is PAdES-signed over the whole file. */
    REPORT_SIGNATURE,
    /** The report lists the manifest's SHA-256 of every item. */
    REPORT_HASHES,
    /** An RFC 3161 file is a time-stamp response or token. */
    TIMESTAMP_FORMAT,
    /** The TSA granted the time-stamp. */
    TIMESTAMP_STATUS,
    /** The time-stamp covers the expected SHA-256. */
    TIMESTAMP_IMPRINT,
    /** The TSA's signature verifies with a certificate fit for time-stamping. */
    TIMESTAMP_SIGNATURE,
    /** The TSA chains to a trusted TSA root. */
    TIMESTAMP_TRUST,
    /**
     * Long-term validation (ETSI EN 319 102-1, EU DSS default policy) of the bundle's CAdES signature or a
     * PDF's PAdES signature: chains and revocation judged at the times the time-stamps prove. Advisory only
     * when the signer's certificate names no revocation service, so nobody could ever check it.
     */
    LONG_TERM(true),
    /** The last archive time-stamp's TSA certificate expires within a year: renew the bundle (advisory). */
    RENEWAL_DUE(true);

    private final boolean advisory;

    CheckCode() {
        this(false);
    }

    CheckCode(boolean advisory) {
        this.advisory = advisory;
    }

    /** True when a WARNING of this code is information only and does not affect the verdict. */
    public boolean advisory() {
        return advisory;
    }
}
