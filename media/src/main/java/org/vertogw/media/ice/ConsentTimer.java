package org.vertogw.media.ice;

/**
 * Consent freshness as both agents apply it (RFC 7675 §5.1): the time of the last proof that the peer still wants
 * our traffic (a valid check from it, or a valid response to ours), judged against the disconnect and failure
 * timeouts. Before the first proof, the failure timeout bounds connectivity establishment.
 */
final class ConsentTimer {

    private final IceTimers timers;
    private final long startNanos;
    private long lastProofNanos;
    private boolean proven;

    ConsentTimer(IceTimers timers, long startNanos) {
        this.timers = timers;
        this.startNanos = startNanos;
    }

    void proof(long nowNanos) {
        lastProofNanos = nowNanos;
        proven = true;
    }

    boolean proven() {
        return proven;
    }

    /** The state the timers call for now, given the agent is connected, disconnected or still checking. */
    IceState evaluate(IceState current, long nowNanos) {
        long since = nowNanos - (proven ? lastProofNanos : startNanos);
        if (since > timers.failedAfter().toNanos()) {
            return IceState.FAILED;
        }
        if (current == IceState.CONNECTED && since > timers.disconnectedAfter().toNanos()) {
            return IceState.DISCONNECTED;
        }
        return current;
    }
}
