package org.sakshi.core.ledger;

/**
 * Why {@code custody verify} (and a bundle's custody check) failed, in the order they are
 * checked and reported (docs/custody-ledger.md#what-custody-verify-checks). Codes never change
 * meaning; new ones may be added.
 */
public enum LedgerFault {
    /** No event at all. */
    EMPTY,
    /** The hash chain does not recompute: an event was changed, removed, inserted or reordered. */
    CHAIN_BROKEN,
    /** The signed-head file is missing while events exist, or a line of it cannot be read. */
    HEADS_MALFORMED,
    /** The signed-head file names a seq beyond the ledger's end: events were deleted. */
    HEADS_AHEAD,
    /** A LEDGER_ANCHORED event's head differs from the hash of the seq it anchored. */
    ANCHOR_MISMATCH,
    /** A LEDGER_ANCHORED event's RFC 3161 token is unreadable, not over its head, or its signature fails. */
    ANCHOR_TOKEN_INVALID,
    /** A signed head differs from the ledger's hash at its seq: the ledger or the file was rewritten. */
    HEAD_MISMATCH,
    /** A key's enrolment (CASE_CREATED key / KEY_ENROLLED) is unreadable or its fingerprint is wrong. */
    KEY_MALFORMED,
    /** A head is signed by a key not enrolled in the ledger at or before that head. */
    KEY_NOT_ENROLLED,
    /** A head's signature does not verify with its enrolled key. */
    SIGNATURE_INVALID,
    /** A head is signed by a key this workstation neither holds, trusts nor has vouched for. */
    KEY_NOT_TRUSTED,
    /** Events after the last signed head: written without any key, or the head file lost its tail. */
    NOT_COVERED
}
