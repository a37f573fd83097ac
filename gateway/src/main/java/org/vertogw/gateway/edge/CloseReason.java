package org.vertogw.gateway.edge;

import java.util.Locale;

/**
 * Why the gateway closed a browser connection, with the close code the browser sees (docs/protocol.md §10.6):
 * 1008 for what the client must not repeat, 1013 for "try again, maybe elsewhere", 1003 for binary frames.
 */
public enum CloseReason {
    ORIGIN(1008, "origin not allowed"),
    DRAINING(1013, "gateway draining"),
    OVERLOADED(1013, "gateway overloaded"),
    ADDRESS_LIMIT(1008, "too many connections from this address"),
    /**
     * Over {@code limits.connectionsPerSecondPerAddress}: reset when accepted, before TLS ({@link ConnectionRateGate}),
     * so the browser sees no close frame and neither code nor text is sent; they name the refusal for the metric.
     */
    CONNECTION_RATE(1008, "too many new connections from this address"),
    UNAUTHENTICATED_LIMIT(1013, "too many connections waiting to log in"),
    LOGIN_DEADLINE(1008, "not logged in in time"),
    SEND_QUEUE(1013, "too much queued toward this client: it does not read"),
    INBOUND_BYTES(1008, "sending faster than allowed"),
    MESSAGE_RATE(1008, "too many messages over the rate limit"),
    BINARY(1003, "binary frames are not Verto"),
    SPEEDTEST_UNAUTHENTICATED(1008, "speed test before authentication"),
    SPEEDTEST_BUDGET(1008, "speed test budget exceeded"),
    SESSION_IN_USE(1008, "Session in use"),
    PUNTED(1000, "punted: session taken over"),
    ISLAND_LOST(1013, "island lost"),
    PARTITION_MOVED(1013, "partition moved");

    private final int code;
    private final String text;

    CloseReason(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    /** The close reason the browser reads. */
    public String text() {
        return text;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
