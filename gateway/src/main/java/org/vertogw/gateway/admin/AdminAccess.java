package org.vertogw.gateway.admin;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.vertogw.gateway.config.GatewayConfig;

/**
 * Who may use the admin API and {@code /metrics}. With {@code admin.token} set, every client presents it as a
 * bearer token, loopback included (behind a reverse proxy on the same host every client is loopback). Without
 * one, only the demo admits loopback clients; a production gateway then keeps the admin API closed. A request that
 * changes something must also say {@code Content-Type: application/json} and come from no foreign
 * {@code Origin}, so that a page elsewhere cannot make a browser on the operator's network drain the gateway (a
 * cross-site form can send neither).
 */
final class AdminAccess {

    /** Why a request is turned away, or null when it may go on. */
    record Refusal(int status, String message) {}

    private final GatewayConfig config;

    AdminAccess(GatewayConfig config) {
        this.config = config;
    }

    /** For reading: the token, or a loopback client of the demo. */
    Refusal read(Request request) {
        String token = config.adminToken();
        if (token == null) {
            if (config.demo() && loopback(request.getConnectionMetaData().getRemoteSocketAddress())) {
                return null;
            }
            return new Refusal(
                    401,
                    config.demo()
                            ? "admin API: a bearer token is required (or a loopback client of the demo)"
                            : "admin API: closed; set admin.token to open it");
        }
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expected)) {
            return new Refusal(401, "admin API: a valid bearer token is required");
        }
        return null;
    }

    /** For a change: {@link #read} plus a JSON body and no foreign origin. */
    Refusal write(Request request) {
        Refusal r = read(request);
        if (r != null) {
            return r;
        }
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return new Refusal(415, "admin API: changes must be sent as application/json");
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !sameOrigin(origin, request)) {
            return new Refusal(403, "admin API: refused from origin " + origin);
        }
        return null;
    }

    /** An Origin naming this gateway's own host and port (its own console), as the Host header says it. */
    private static boolean sameOrigin(String origin, Request request) {
        try {
            URI o = URI.create(origin);
            String host = request.getHeaders().get(HttpHeader.HOST);
            return host != null
                    && o.getScheme() != null
                    && o.getScheme().equalsIgnoreCase("https")
                    && (o.getRawAuthority() != null && o.getRawAuthority().equalsIgnoreCase(host));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean loopback(SocketAddress a) {
        if (a instanceof InetSocketAddress i) {
            InetAddress addr = i.getAddress();
            return addr != null && addr.isLoopbackAddress();
        }
        return false;
    }
}
