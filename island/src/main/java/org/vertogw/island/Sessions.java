package org.vertogw.island;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Live connections by {@code sessid} and by login, for session takeover and for ringing every registration (docs/protocol.md §2.2, §4.4). */
final class Sessions {

    private final Set<IslandConnection> open = new LinkedHashSet<>();
    private final Map<String, IslandConnection> bySessid = new HashMap<>();
    private final Map<String, Set<IslandConnection>> byLogin = new HashMap<>();

    void opened(IslandConnection c) {
        open.add(c);
    }

    /** Records a connection that just bound its sessid by logging in. */
    void bound(IslandConnection c) {
        bySessid.put(c.sessid(), c);
        byLogin.computeIfAbsent(c.login(), k -> new LinkedHashSet<>()).add(c);
    }

    void closed(IslandConnection c) {
        open.remove(c);
        if (c.sessid() != null && bySessid.get(c.sessid()) == c) {
            bySessid.remove(c.sessid());
        }
        if (c.login() != null) {
            Set<IslandConnection> s = byLogin.get(c.login());
            if (s != null) {
                s.remove(c);
                if (s.isEmpty()) {
                    byLogin.remove(c.login());
                }
            }
        }
    }

    IslandConnection bySessid(String sessid) {
        return bySessid.get(sessid);
    }

    /** Authenticated live connections of {@code user@domain} (domain lower case). */
    List<IslandConnection> byLogin(String login) {
        Set<IslandConnection> s = byLogin.get(login);
        return s == null ? List.of() : List.copyOf(s);
    }

    Collection<IslandConnection> open() {
        return open;
    }

    int boundCount() {
        return bySessid.size();
    }
}
