package org.vertogw.gateway.island;

/** An upstream link's life: connecting, open, closed. Closed is final; a new link is made to reconnect. */
public enum IslandLinkState {
    CONNECTING,
    OPEN,
    CLOSED
}
