package org.vertogw.gateway.edge;

import java.util.Locale;

/** How a credentialed login ended: the {@code outcome} label of the logins metric. */
public enum LoginOutcome {
    OK,
    /** The island refused the credentials. */
    REFUSED,
    WRONG_ISLAND,
    NO_ISLAND,
    UNREACHABLE,
    /** The sessid is bound to another login. */
    SESSION_IN_USE,
    /** Refused without asking the island: this user or address failed too often (docs/protocol.md §10.4). */
    BACKED_OFF;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
