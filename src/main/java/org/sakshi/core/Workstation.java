package org.sakshi.core;

/** Where an act happened (docs/custody-ledger.md#event). */
public record Workstation(String host, String osUser, String toolVersion) {
}
