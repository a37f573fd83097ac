package org.vertogw.gateway.edge;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.gateway.config.Limits;
import org.vertogw.gateway.observe.GatewayMetrics;

/**
 * A browser's WebSocket with its budgets. Inbound, frames are read one at a time ({@link #demand()} asks for the
 * next), and each is admitted on the receiving thread before anything parses it: its bytes against
 * {@code limits.inboundBytesPerSecond}, then its place against {@code limits.messagesPerSecond}. Outbound, what
 * waits to be written is counted; past {@code limits.maxQueuedOutboundBytes} the connection is closed, so a client
 * that does not read cannot make the gateway hold its replies. Thread-safe.
 */
final class BrowserChannel {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserChannel.class);

    /** What the receiving thread does with a frame. */
    enum Admission {
        /** Within every budget: to the session. */
        ACCEPT,
        /** Over the message rate: answered -32013 if small enough to read cheaply, else dropped. */
        OVER_RATE,
        /**
         * Over the byte rate, or over the message rate too often: more over-rate frames (twice the burst, 50 at
         * least) than one refill period without any lets go (docs/protocol.md §10.6).
         */
        REFUSED
    }

    private final Session socket;
    private final Limits limits;
    private final GatewayMetrics metrics;
    private final TokenBucket messages;
    private final TokenBucket bytes;
    private final AtomicLong queued = new AtomicLong();
    private volatile Runnable onWritable = () -> {};
    private volatile boolean closing;
    private final long refillNanos;
    private int overRate;
    private long lastOverRate;

    BrowserChannel(Session socket, Limits limits, GatewayMetrics metrics) {
        this.socket = socket;
        this.limits = limits;
        this.metrics = metrics;
        long now = System.nanoTime();
        this.messages = new TokenBucket(limits.messagesPerSecond(), limits.messageBurst(), now);
        this.bytes = new TokenBucket(limits.inboundBytesPerSecond(), limits.inboundBytesBurst(), now);
        this.refillNanos = (long) Math.ceil(limits.messageBurst() / limits.messagesPerSecond() * 1e9);
    }

    /** On the receiving thread, before parsing: whether this frame may go on. Frames arrive one at a time. */
    Admission admit(int length) {
        long now = System.nanoTime();
        if (!bytes.tryAcquire(length, now)) {
            close(CloseReason.INBOUND_BYTES);
            return Admission.REFUSED;
        }
        if (messages.tryAcquire(1, now)) {
            return Admission.ACCEPT;
        }
        // the count lapses only after a full refill period without excess: frames that fit in between (a sender
        // pacing its bursts) do not clear it
        if (now - lastOverRate > refillNanos) {
            overRate = 0;
        }
        lastOverRate = now;
        if (++overRate > Math.max(2 * limits.messageBurst(), 50)) {
            close(CloseReason.MESSAGE_RATE);
            return Admission.REFUSED;
        }
        return Admission.OVER_RATE;
    }

    /** Milliseconds until the message rate admits the next frame. */
    long retryAfterMillis() {
        return messages.millisUntil(1, System.nanoTime());
    }

    /** Asks for the next frame (nothing is read from the socket until then). */
    void demand() {
        if (!closing && socket.isOpen()) {
            socket.demand();
        }
    }

    /**
     * Queues {@code text} for the browser. Past the outbound budget the connection is closed with 1013 instead.
     *
     * @return false when nothing was queued
     */
    boolean send(String text) {
        if (closing || !socket.isOpen()) {
            return false;
        }
        long size = text.length();
        long now = queued.addAndGet(size);
        if (now > limits.maxQueuedOutboundBytes()) {
            queued.addAndGet(-size);
            close(CloseReason.SEND_QUEUE);
            return false;
        }
        socket.sendText(text, Callback.from(() -> written(size), t -> {
            written(size);
            LOG.debug("send to browser failed: {}", t.toString());
        }));
        return true;
    }

    private void written(long size) {
        long low = limits.maxQueuedOutboundBytes() / 2;
        long now = queued.addAndGet(-size);
        if (now <= low && now + size > low) {
            onWritable.run();
        }
    }

    /** Whether the browser reads fast enough to be sent more (what is queued is under half the budget). */
    boolean writable() {
        return queued.get() <= limits.maxQueuedOutboundBytes() / 2;
    }

    /** Runs when what is queued falls back under half the budget. */
    void onWritable(Runnable r) {
        onWritable = r;
    }

    long queuedBytes() {
        return queued.get();
    }

    /**
     * Closes with the reason's code. A client that does not read would never see a close frame queued behind what
     * it did not read, and its connection would hold that memory until the idle timeout: it is cut off at once.
     */
    void close(CloseReason reason) {
        metrics.closed(reason);
        if (reason == CloseReason.SEND_QUEUE) {
            closing = true;
            socket.disconnect();
        } else {
            close(reason.code(), reason.text());
        }
    }

    void close(int code, String reason) {
        closing = true;
        if (socket.isOpen()) {
            socket.close(code, reason, Callback.NOOP);
        }
    }

    boolean isOpen() {
        return !closing && socket.isOpen();
    }
}
