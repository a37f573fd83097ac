package org.vertogw.gateway.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.vertogw.gateway.observe.ConsoleMetrics;

/**
 * The operator console's live view (docs/operations.md, "Operator console"): {@code GET /v1/admin/events} is a
 * stream of server-sent events, each a whole {@link ConsoleView}, sent when the view changes (checked every
 * second, and at once after a drain or a map change made here) and every {@value #REFRESH_SECONDS} s regardless.
 * <p>
 * A browser's EventSource cannot send the bearer token, and the token must never travel in a URL (proxies and
 * logs keep URLs). So the console first asks {@code POST /v1/admin/events/ticket} (token, JSON, same origin) for
 * a ticket: 32 random bytes, good once and for {@value #TICKET_SECONDS} s, which the stream's URL carries. At
 * most {@value #MAX_TICKETS} tickets wait at once and {@code limits.adminEventStreams} streams are open; beyond
 * either the answer is 429 with the reason, counted in {@code verto_gateway_admin_event_streams_refused_total}.
 */
final class AdminEvents {

    static final int TICKET_SECONDS = 30;
    static final int MAX_TICKETS = 32;
    static final int REFRESH_SECONDS = 15;
    /** A stream idle this long (no event could be written) is closed by Jetty; events come far more often. */
    static final long IDLE_MILLIS = 4L * REFRESH_SECONDS * 1000;

    private final Supplier<ObjectNode> view;
    private final int maxStreams;
    private final ConsoleMetrics metrics;
    private final ScheduledExecutorService scheduler;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> tickets = new HashMap<>();
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private String last = "";
    private long lastSent;

    AdminEvents(Supplier<ObjectNode> view, int maxStreams, ConsoleMetrics metrics, ScheduledExecutorService scheduler) {
        this.view = view;
        this.maxStreams = maxStreams;
        this.metrics = metrics;
        this.scheduler = scheduler;
        scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** {@code POST /v1/admin/events/ticket} (the caller checked the token): a one-time ticket for the stream. */
    boolean ticket(Response response, Callback callback) {
        String ticket;
        synchronized (tickets) {
            long now = System.nanoTime();
            tickets.values().removeIf(expiry -> expiry - now < 0);
            if (tickets.size() >= MAX_TICKETS) {
                metrics.refused("ticket_limit");
                return Json.error(response, callback, 429, "events: " + MAX_TICKETS + " tickets already wait");
            }
            byte[] b = new byte[32];
            random.nextBytes(b);
            ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            tickets.put(ticket, now + TimeUnit.SECONDS.toNanos(TICKET_SECONDS));
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("ticket", ticket);
        return Json.send(response, callback, 200, body.put("expiresInMs", TICKET_SECONDS * 1000));
    }

    /** {@code GET /v1/admin/events?ticket=T}: the stream, until the client leaves or the gateway stops. */
    boolean stream(Request request, Response response, Callback callback) {
        if (!"GET".equals(request.getMethod())) {
            return Json.error(response, callback, 405, "GET only");
        }
        Fields q = Request.extractQueryParameters(request);
        if (!redeem(q.getValue("ticket"))) {
            metrics.refused("ticket");
            return Json.error(
                    response, callback, 401, "events: a fresh ticket from POST /v1/admin/events/ticket is required");
        }
        int n = open.incrementAndGet();
        if (n > maxStreams) {
            open.decrementAndGet();
            metrics.refused("stream_limit");
            return Json.error(
                    response,
                    callback,
                    429,
                    "events: " + maxStreams + " streams are open, as many as limits.adminEventStreams allows");
        }
        metrics.streams.set(n);
        request.getConnectionMetaData().getConnection().getEndPoint().setIdleTimeout(IDLE_MILLIS);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Accel-Buffering", "no");
        Stream s = new Stream(response, callback);
        streams.add(s);
        s.send(event(view.get().toString()));
        return true;
    }

    private boolean redeem(String ticket) {
        if (ticket == null) {
            return false;
        }
        synchronized (tickets) {
            Long expiry = tickets.remove(ticket);
            return expiry != null && expiry - System.nanoTime() > 0;
        }
    }

    /** Something changed here (a drain, a map): the streams hear of it now rather than within a second. */
    void changed() {
        scheduler.execute(this::tick);
    }

    /** Open streams. */
    int streams() {
        return open.get();
    }

    private synchronized void tick() {
        if (streams.isEmpty()) {
            last = "";
            return;
        }
        String now = view.get().toString();
        long t = System.nanoTime();
        if (now.equals(last) && t - lastSent < TimeUnit.SECONDS.toNanos(REFRESH_SECONDS)) {
            return;
        }
        last = now;
        lastSent = t;
        String e = event(now);
        for (Iterator<Stream> it = streams.iterator(); it.hasNext(); ) {
            it.next().send(e);
        }
    }

    private static String event(String json) {
        return "event: console\ndata: " + json + "\n\n";
    }

    /** One client's stream: one write at a time; a newer event replaces one still waiting. */
    private final class Stream {

        private final Response response;
        private final Callback done;
        private boolean writing;
        private String pending;
        private boolean closed;

        Stream(Response response, Callback done) {
            this.response = response;
            this.done = done;
        }

        synchronized void send(String event) {
            if (closed) {
                return;
            }
            if (writing) {
                pending = event;
                return;
            }
            writing = true;
            write(event);
        }

        private void write(String event) {
            ByteBuffer b = ByteBuffer.wrap(event.getBytes(StandardCharsets.UTF_8));
            response.write(false, b, Callback.from(this::written, this::failed));
        }

        private void written() {
            String next;
            synchronized (this) {
                next = pending;
                pending = null;
                writing = next != null;
            }
            if (next != null) {
                write(next);
            }
        }

        private void failed(Throwable cause) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            streams.remove(this);
            metrics.streams.set(open.decrementAndGet());
            done.failed(cause);
        }
    }
}
