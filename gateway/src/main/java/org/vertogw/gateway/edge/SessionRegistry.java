package org.vertogw.gateway.edge;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which login owns which {@code sessid} on this gateway. A sessid is bound to the user whose login the island
 * accepted; another user presenting it is refused, the same user on a new socket takes the session over.
 */
public final class SessionRegistry {

    /** The owner of a bound sessid. */
    public record Binding(String login, ClientSession session) {}

    private final ConcurrentHashMap<String, Binding> bySessid = new ConcurrentHashMap<>();

    /** The login that owns {@code sessid}, or null. */
    public String ownerLogin(String sessid) {
        Binding b = bySessid.get(sessid);
        return b == null ? null : b.login();
    }

    /**
     * Binds {@code sessid} to {@code login} for {@code session} and returns the session it took over from, if any.
     * Refuses (returns {@code session} itself) when another login holds it.
     */
    public ClientSession bind(String sessid, String login, ClientSession session) {
        Binding[] previous = new Binding[1];
        Binding result = bySessid.compute(sessid, (k, old) -> {
            previous[0] = old;
            if (old != null && !old.login().equals(login)) {
                return old;
            }
            return new Binding(login, session);
        });
        if (result.session() != session) {
            return session;
        }
        return previous[0] == null || previous[0].session() == session ? null : previous[0].session();
    }

    /** Releases {@code sessid} if {@code session} still owns it. */
    public void unbind(String sessid, ClientSession session) {
        if (sessid != null) {
            bySessid.computeIfPresent(sessid, (k, b) -> b.session() == session ? null : b);
        }
    }

    public int size() {
        return bySessid.size();
    }

    public Collection<Binding> bindings() {
        return bySessid.values();
    }
}
