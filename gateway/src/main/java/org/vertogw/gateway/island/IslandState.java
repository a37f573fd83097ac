package org.vertogw.gateway.island;

/** The gateway's view of an island's health. UNKNOWN (no verdict yet) routes like UP. */
public enum IslandState {
    UNKNOWN,
    UP,
    DOWN
}
