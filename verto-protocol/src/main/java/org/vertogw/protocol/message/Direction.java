package org.vertogw.protocol.message;

/** Who may send a method: the client (browser) to the server (island), the reverse, or both (docs/protocol.md §4.1). */
public enum Direction {
    CLIENT_TO_SERVER,
    SERVER_TO_CLIENT,
    BOTH;

    public boolean allowsClient() {
        return this != SERVER_TO_CLIENT;
    }

    public boolean allowsServer() {
        return this != CLIENT_TO_SERVER;
    }
}
