package org.sakshi.ui.common;

import org.sakshi.core.Actor;

/**
 * The person at the keyboard, asked on first run and remembered per user: name, rank, badge or
 * staff number, agency, and the signing identity (a PKCS#12 file path, or a PKCS#11 library path
 * when {@code identityIsToken}). Passwords and PINs are never part of it.
 */
public record OperatorProfile(String name, String rank, String badge, String agency, String identityPath,
                              boolean identityIsToken) {

    public boolean complete() {
        return name != null && !name.isBlank();
    }

    /** The actor recorded in custody events for this operator; blank parts become null. */
    public Actor toActor() {
        return new Actor(name.strip(), blankToNull(rank), blankToNull(badge), blankToNull(agency), null);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
