package org.sakshi.core;

/** Where an act happened (custody-ledger.md "workstation"). */
public record Workstation(String host, String osUser, String toolVersion) {
}
