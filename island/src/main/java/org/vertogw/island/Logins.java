package org.vertogw.island;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.protocol.jsonrpc.ErrorCodes;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.jsonrpc.RpcError;
import org.vertogw.protocol.message.Login;

/**
 * {@code login} as mod_verto answers it (docs/protocol.md §2.2, §3): the -32000 dance, directory checks, binding
 * the sessid on the first successful login, taking a session over from an older connection of the same user
 * (punt), refusing it to another user, then {@code verto.attach} for detached calls and {@code verto.clientReady}.
 */
final class Logins {

    private static final Logger LOG = LoggerFactory.getLogger(Logins.class);

    /** The login of a trunk from island X is {@code trunk@X}; its password is the operator's trunk secret. */
    static final String TRUNK_USER = "trunk";

    private final Directory directory;
    private final String trunkSecret;
    private final Sessions sessions;
    private final Calls calls;
    private final java.util.function.Consumer<IslandConnection> dropped;

    Logins(
            Directory directory,
            String trunkSecret,
            Sessions sessions,
            Calls calls,
            java.util.function.Consumer<IslandConnection> dropped) {
        this.directory = directory;
        this.trunkSecret = trunkSecret;
        this.sessions = sessions;
        this.calls = calls;
        this.dropped = dropped;
    }

    void login(IslandConnection conn, JsonRpcRequest request) {
        Login login = new Login(request.params());
        if (!request.hadParams()) {
            conn.error(request.id(), RpcError.of(ErrorCodes.AUTHENTICATION_FAILED, "Missing params"));
            return;
        }
        if (!login.hasCredentials()) {
            conn.error(
                    request.id(),
                    RpcError.of(ErrorCodes.AUTHENTICATION_REQUIRED, ErrorCodes.MSG_AUTHENTICATION_REQUIRED));
            return;
        }
        if (login.passwd() == null || login.passwd().isEmpty()) {
            conn.error(request.id(), RpcError.of(ErrorCodes.AUTHENTICATION_FAILED, "Missing passwd"));
            return;
        }
        String name = login.login();
        int at = name.lastIndexOf('@');
        if (at <= 0 || at == name.length() - 1) {
            conn.error(request.id(), RpcError.of(ErrorCodes.AUTHENTICATION_FAILED, "Missing or improper credentials"));
            return;
        }
        if (trunkSecret != null && name.substring(0, at).equals(TRUNK_USER)) {
            trunk(conn, request, login, name.substring(at + 1));
            return;
        }
        Directory.User user =
                directory.find(name.substring(0, at), name.substring(at + 1)).orElse(null);
        if (user == null) {
            conn.error(request.id(), RpcError.of(ErrorCodes.AUTHENTICATION_FAILED, "Login Incorrect"));
            return;
        }
        if (!user.passwordMatches(login.passwd())) {
            LOG.info("authentication failure for {} from {}", user.login(), conn.remote());
            conn.error(request.id(), RpcError.of(ErrorCodes.AUTHENTICATION_FAILED, "Authentication Failure"));
            return;
        }
        if (conn.authenticated()) {
            relogin(conn, request, user);
            return;
        }
        String sessid = login.sessid() != null && !login.sessid().isBlank()
                ? login.sessid()
                : UUID.randomUUID().toString();
        IslandConnection holder = sessions.bySessid(sessid);
        if (holder != null && holder != conn && holder.isOpen()) {
            if (holder.authenticated() && !holder.login().equals(user.login())) {
                LOG.warn("{} refused: sessid held by another user", conn);
                conn.error(request.id(), RpcError.of(ErrorCodes.AUTHENTICATION_FAILED, ErrorCodes.MSG_SESSION_IN_USE));
                conn.close(1008, "Session in use");
                return;
            }
            punt(holder);
        }
        conn.bind(sessid, user);
        sessions.bound(conn);
        ObjectNode result = IslandConnection.object();
        result.put("message", "logged in");
        conn.result(request.id(), result);
        List<String> reattached = calls.reattach(conn);
        ObjectNode ready = IslandConnection.object();
        ArrayNode list = ready.putArray("reattached_sessions");
        reattached.forEach(list::add);
        conn.request("verto.clientReady", ready);
        LOG.debug("{} logged in as {}, re-attached {}", conn, user.login(), reattached);
    }

    /**
     * Another island of the operator trunks calls here (docs/operations.md, "Calls across islands"): the secret is
     * compared in constant time and never logged; the trunk gets a session of its own and no re-attach.
     */
    private void trunk(IslandConnection conn, JsonRpcRequest request, Login login, String island) {
        Directory.User peer = new Directory.User(TRUNK_USER, island, trunkSecret);
        if (conn.authenticated() || !peer.passwordMatches(login.passwd())) {
            LOG.info("trunk login refused from {}", conn.remote());
            conn.error(request.id(), RpcError.of(ErrorCodes.AUTHENTICATION_FAILED, "Authentication Failure"));
            return;
        }
        conn.trunk = true;
        conn.bind("trunk-" + UUID.randomUUID(), peer);
        sessions.bound(conn);
        ObjectNode result = IslandConnection.object();
        result.put("message", "logged in");
        conn.result(request.id(), result);
        LOG.info("trunk from island {} logged in from {}", peer.domain(), conn.remote());
    }

    /** docs/protocol.md §2.2: the same user on a new connection takes the session over; the old one is punted and dropped. */
    private void punt(IslandConnection old) {
        LOG.info("{} punted: its session was taken over", old);
        old.request("verto.punt", IslandConnection.object());
        dropped.accept(old);
        old.close(1000, "punted");
    }

    /** docs/protocol.md §3.5: checked again; the binding stays. Another user on a bound connection is refused. */
    private void relogin(IslandConnection conn, JsonRpcRequest request, Directory.User user) {
        if (!conn.login().equals(user.login())) {
            conn.error(request.id(), RpcError.of(ErrorCodes.AUTHENTICATION_FAILED, ErrorCodes.MSG_SESSION_IN_USE));
            return;
        }
        ObjectNode result = IslandConnection.object();
        result.put("message", "logged in");
        conn.result(request.id(), result);
    }
}
