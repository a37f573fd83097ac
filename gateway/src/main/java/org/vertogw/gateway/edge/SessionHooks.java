package org.vertogw.gateway.edge;

/** What the edge learns of a {@link ClientSession}'s life: its first login and its end. */
interface SessionHooks {
    void loggedIn(ClientSession session);

    void closed(ClientSession session);
}
