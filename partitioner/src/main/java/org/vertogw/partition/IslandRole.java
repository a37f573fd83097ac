package org.vertogw.partition;

/** An island takes users ({@code active}) or stands by for a down active island ({@code spare}). */
public enum IslandRole {
    ACTIVE("active"),
    SPARE("spare");

    private final String wire;

    IslandRole(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    static IslandRole fromWire(String s) {
        for (IslandRole r : values()) {
            if (r.wire.equals(s)) {
                return r;
            }
        }
        return null;
    }
}
