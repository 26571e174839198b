package org.sakshi.core;

/**
 * Custody event types of docs/custody-ledger.md. The ledger stores the type as a string so that a
 * verifier accepts types added later; this enum lists the ones this version writes.
 */
public enum EventType {
    CASE_CREATED, ITEM_IMPORTED, ITEM_TIMESTAMPED, ITEM_ACCESSED, ITEM_DERIVED, ASSUMPTION_RECORDED,
    NOTE, TRANSFERRED, EXPORT_STARTED, EXPORT_SEALED, BUNDLE_VERIFIED, LEDGER_ANCHORED,
    /** A key that signs the ledger's heads, first writing to the case (docs/custody-ledger.md#keys). */
    KEY_ENROLLED,
    /** Events found after the last signed head (a crash, or a case from before signed heads), signed from here on. */
    LEDGER_ADOPTED,
    /**
     * A bundle from another case (usually another agency) was verified and taken into this case; its
     * items follow as ITEM_IMPORTED with {@code details.received} (docs/custody-ledger.md).
     */
    BUNDLE_RECEIVED,
    /**
     * The case was copied to another place (a folder to a lab server or back) with its ledger
     * verified before and after; the same event ends the old place's ledger, which is then closed to
     * changes, and continues the new one's (docs/custody-ledger.md).
     */
    CASE_MOVED,
    /**
     * An officer had the case's database file rewritten ({@code sakshi case compact}: new page size,
     * same tables, rows and events), with the ledger verified before and after (docs/custody-ledger.md).
     */
    CASE_COMPACTED
}
