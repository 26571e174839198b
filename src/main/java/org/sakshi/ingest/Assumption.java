package org.sakshi.ingest;

/**
 * Something the parser had to assume (e.g. {@code what="date_order", value="dmy"}), recorded in the
 * ledger as an ASSUMPTION_RECORDED event.
 */
public record Assumption(String what, String value, String reason) {
}
