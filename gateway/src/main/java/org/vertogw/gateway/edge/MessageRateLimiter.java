package org.vertogw.gateway.edge;

/**
 * A token bucket per connection: {@code burst} messages at once, {@code perSecond} sustained. Not thread-safe; a
 * session's messages arrive on its own thread of control.
 */
final class MessageRateLimiter {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    MessageRateLimiter(double perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /** Takes a token; false when the connection is over its rate. */
    boolean tryAcquire(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until the next token, for {@code retryAfterMs}. */
    long retryAfterMillis() {
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e6));
    }
}
