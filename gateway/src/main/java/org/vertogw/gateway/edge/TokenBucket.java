package org.vertogw.gateway.edge;

/**
 * A token bucket: {@code burst} at once, {@code perSecond} sustained. Every per-connection rate of the edge is one
 * (messages, bytes, calls, speed-test bytes). Synchronized: the receiving thread takes tokens, the session's thread
 * may ask how long until the next ones.
 */
public final class TokenBucket {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, double burst, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /** Takes {@code cost} tokens; false (and nothing taken) when there are fewer. */
    public synchronized boolean tryAcquire(double cost, long nowNanos) {
        refill(nowNanos);
        if (tokens >= cost) {
            tokens -= cost;
            return true;
        }
        return false;
    }

    /** How long until {@code cost} tokens are there, for a {@code retryAfterMs}. */
    synchronized long millisUntil(double cost, long nowNanos) {
        refill(nowNanos);
        return tokens >= cost ? 0 : Math.max(1, (long) Math.ceil((cost - tokens) / perNano / 1e6));
    }

    private void refill(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
    }
}
