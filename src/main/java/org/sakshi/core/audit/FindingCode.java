package org.sakshi.core.audit;

/**
 * The stable finding codes of the custody audit (docs/cli.md#audit), each with its severity and what it means.
 * Codes never change meaning; new ones may be added.
 */
public enum FindingCode {
    // bundle verification (runs first for a bundle)
    BUNDLE_INTEGRITY(Severity.ERROR, "the bundle does not verify (a hash, a signature, its signer or its custody log"
            + " does not match what was sealed)"),
    // ledger verification (runs first)
    LEDGER_BROKEN(Severity.ERROR, "the hash chain does not recompute: an event was changed, removed or inserted"),
    LEDGER_HEAD_MISMATCH(Severity.ERROR, "the bundle's case.json names another custody head or event count than its log"),
    LEDGER_EVENTS_ADOPTED(Severity.ERROR, "events were found in the ledger without a signed head and adopted by a"
            + " later operation: nobody holding a ledger key vouched for them when they were written"),
    LEDGER_SIGNED_HEADS_START(Severity.INFO, "the case was written before signed heads; its earlier events are covered"
            + " from the adoption on"),
    LEDGER_EMPTY(Severity.ERROR, "there is no custody event at all"),
    // custody continuity
    ITEM_NOT_IN_LEDGER(Severity.ERROR, "an item exists without an ITEM_IMPORTED event"),
    ITEM_UNKNOWN(Severity.ERROR, "an event names an item that was not imported at that point"),
    ITEM_HASH_CHANGED(Severity.ERROR, "an event or the item record carries another SHA-256 than the import recorded"),
    ACT_BY_NON_CUSTODIAN(Severity.ERROR, "someone who did not hold the item accessed, derived from or exported it"),
    EXPORT_BY_NON_CUSTODIAN(Severity.WARNING, "an export was started or sealed by someone the record does not name as "
            + "the custodian of the items it holds"),
    TRANSFER_BY_NON_HOLDER(Severity.ERROR, "an item was handed over by someone who did not hold it"),
    // clock honesty
    EVENT_BEFORE_TOKEN(Severity.ERROR,
            "an event is dated before the genTime of a token that the chain proves it followed"),
    EVENT_AFTER_TOKEN(Severity.ERROR,
            "an event is dated after the genTime of a token over the ledger head that proves it already existed"),
    TIMESTAMP_AFTER_IMPORT(Severity.ERROR, "an item's time-stamp is later than its import by more than the tolerance"
            + " and no late stamp was recorded then: the file was swapped and re-stamped"),
    TOKEN_MISMATCH(Severity.ERROR, "a token file's genTime differs from the time its ITEM_TIMESTAMPED event recorded"),
    CLOCK_DRIFT(Severity.WARNING, "a workstation clock differed from the time-stamp authority by more than the tolerance"),
    NO_TIME_REFERENCE(Severity.INFO, "no RFC 3161 token: the workstation clocks could not be checked"),
    // order and gaps
    CLOCK_BACKWARDS(Severity.WARNING, "an event is dated earlier than the event before it in seq order"),
    SEIZURE_IMPORT_GAP(Severity.WARNING, "a long time passed between seizure and import with no custody event"),
    SEIZURE_AFTER_IMPORT(Severity.WARNING, "the recorded seizure time is later than the import"),
    ACTED_AFTER_SEAL(Severity.WARNING, "an item was accessed or derived after a bundle containing it was sealed"),
    // completeness
    ITEM_NOT_TIMESTAMPED(Severity.WARNING, "an item has no RFC 3161 time-stamp of its SHA-256"),
    TIMESTAMP_DELAYED(Severity.INFO, "an item was time-stamped long after its import (offline station)"),
    EXPORT_NOT_SEALED(Severity.WARNING, "an EXPORT_STARTED has no EXPORT_SEALED after it"),
    DERIVED_PARENT_MISSING(Severity.ERROR, "a derived item's parent is not in the ledger or was imported after it"),
    ASSUMPTION_LATE(Severity.WARNING,
            "a time-zone or date-order assumption was recorded after the item had already been used"),
    // the chain across agencies (received bundles)
    RECEIVED_CHAIN_BROKEN(Severity.ERROR, "a received bundle's kept custody log, case.json or signature does not"
            + " verify, or does not continue into the BUNDLE_RECEIVED that took it in"),
    RECEIVED_INDETERMINATE(Severity.WARNING, "a bundle was received although its verification was INDETERMINATE;"
            + " the reason recorded says why it was accepted"),
    BUNDLE_RECEIVED_HOP(Severity.INFO, "a bundle was received from another case: who sealed it, how long it was in"
            + " transit, who carried and who received it"),
    CASE_MOVED(Severity.INFO, "the case was moved between a case folder and a lab server, its ledger verified before"
            + " and after"),
    CASE_COMPACTED(Severity.INFO, "the case's database file was rewritten with larger pages (sakshi case compact),"
            + " its ledger verified before and after: the file's hash changed, no event or row did");

    private final Severity severity;
    private final String meaning;

    FindingCode(Severity severity, String meaning) {
        this.severity = severity;
        this.meaning = meaning;
    }

    public Severity severity() {
        return severity;
    }

    /** One sentence saying what the code means, for legends and the README table. */
    public String meaning() {
        return meaning;
    }
}
