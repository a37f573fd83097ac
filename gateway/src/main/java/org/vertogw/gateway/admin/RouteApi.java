package org.vertogw.gateway.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.vertogw.gateway.config.GatewayConfig;
import org.vertogw.gateway.edge.TokenBucket;
import org.vertogw.gateway.observe.GatewayMetrics;
import org.vertogw.gateway.routing.Router;
import org.vertogw.gateway.routing.RoutingDecision;
import org.vertogw.partition.Island;

/**
 * {@code GET /v1/route?user=U&domain=D} (or {@code dest=U@D}): which island serves a user, for the islands
 * themselves, so that a call to a user of another island is bridged there (docs/operations.md, "Calls across
 * islands"). JSON by default; {@code format=text} gives one line {@code ISLAND SIPURI} for a FreeSWITCH
 * {@code mod_curl} dialplan. The admin token or {@code admin.routeToken} is required, as a bearer token or as the
 * password of HTTP Basic (all {@code mod_curl} can send). Lookups share one budget per gateway; every answer is
 * counted by outcome.
 */
final class RouteApi {

    /** Longest user or domain accepted; longer ones are no one's. */
    static final int MAX_PART = 256;

    private final GatewayConfig config;
    private final Router router;
    private final GatewayMetrics metrics;
    private final TokenBucket budget;
    private final double perSecond;

    RouteApi(GatewayConfig config, Router router, GatewayMetrics metrics, double perSecond) {
        this.config = config;
        this.router = router;
        this.metrics = metrics;
        this.perSecond = perSecond;
        this.budget = new TokenBucket(perSecond, Math.max(1, perSecond), System.nanoTime());
    }

    boolean handle(Request request, Response response, Callback callback) {
        Fields q = Request.extractQueryParameters(request);
        boolean text = "text".equals(q.getValue("format"));
        if (!"GET".equals(request.getMethod())) {
            return refuse(response, callback, text, 405, "bad_request", "GET only", null);
        }
        if (!authorized(request)) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"verto-gateway route\"");
            return refuse(response, callback, text, 401, "unauthorized", "route: a valid token is required", null);
        }
        if (!budget.tryAcquire(1, System.nanoTime())) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            return refuse(
                    response,
                    callback,
                    text,
                    429,
                    "over_budget",
                    "route: over this gateway's budget of " + (long) perSecond + " lookups per second",
                    null);
        }
        String user = q.getValue("user");
        String domain = q.getValue("domain");
        String dest = q.getValue("dest");
        if (dest != null && user == null && domain == null) {
            int at = dest.lastIndexOf('@');
            if (at <= 0 || at == dest.length() - 1) {
                return refuse(response, callback, text, 400, "bad_request", "dest must be user@domain", "dest");
            }
            user = dest.substring(0, at);
            domain = dest.substring(at + 1);
        }
        String bad = user == null || user.isBlank() ? "user" : domain == null || domain.isBlank() ? "domain" : null;
        if (bad != null) {
            return refuse(response, callback, text, 400, "bad_request", bad + " is required", bad);
        }
        bad = user.length() > MAX_PART ? "user" : domain.length() > MAX_PART ? "domain" : null;
        if (bad != null) {
            return refuse(
                    response, callback, text, 400, "bad_request", bad + " longer than " + MAX_PART + " chars", bad);
        }
        RoutingDecision d;
        try {
            d = router.route(user.trim(), domain.trim());
        } catch (IllegalArgumentException e) {
            return refuse(response, callback, text, 400, "bad_request", "user or domain not routable", "user");
        }
        if (d.serving() == null) {
            return refuse(response, callback, text, 503, "unservable", "no island can serve the user now", null);
        }
        metrics.routeLookup("ok");
        Island i = d.serving();
        if (text) {
            return plain(response, callback, 200, i.id() + " " + (i.sip() == null ? "-" : i.sip()));
        }
        ObjectNode body = Json.MAPPER
                .createObjectNode()
                .put("island", i.id())
                .put("role", i.role().wire())
                .put("home", d.route().home())
                .put("key", d.route().key())
                .put("mapVersion", d.mapVersion());
        body.put("verto", i.verto());
        body.put("sip", i.sip());
        return Json.send(response, callback, 200, body);
    }

    /** A bearer token or Basic credentials whose password is one of the tokens, compared in constant time. */
    private boolean authorized(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (config.adminToken() == null && config.routeToken() == null) {
            return false;
        }
        if (header == null) {
            return false;
        }
        String presented = null;
        if (header.startsWith("Bearer ")) {
            presented = header.substring("Bearer ".length());
        } else if (header.startsWith("Basic ")) {
            try {
                String pair = new String(
                        Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                presented = colon < 0 ? null : pair.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return presented != null && (matches(presented, config.adminToken()) | matches(presented, config.routeToken()));
    }

    private static boolean matches(String presented, String token) {
        return token != null
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private boolean refuse(
            Response response, Callback callback, boolean text, int status, String outcome, String why, String field) {
        metrics.routeLookup(outcome);
        if (text) {
            return plain(response, callback, status, "-ERR " + why);
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("error", why);
        if (field != null) {
            body.put("field", field);
        }
        return Json.send(response, callback, status, body);
    }

    private static boolean plain(Response response, Callback callback, int status, String line) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
