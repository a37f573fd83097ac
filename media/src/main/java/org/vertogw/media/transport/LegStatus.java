package org.vertogw.media.transport;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.media.ice.IceState;

/**
 * What a leg tells its owner, and when: connected once ICE has a pair and DTLS its keys, disconnected while
 * consent lapses (RFC 7675 §5.1), closed when the peer sends close_notify, failed once and for good. Media thread
 * only.
 */
final class LegStatus {

    private static final Logger LOG = LoggerFactory.getLogger(LegStatus.class);

    private final LegSide side;
    private final int mediaIndex;
    private final Consumer<LegEvent> listener;
    private boolean iceConnected;
    private boolean everConnected;
    private boolean secure;
    private boolean announced;
    private boolean failed;
    private boolean closed;

    LegStatus(LegSide side, int mediaIndex, Consumer<LegEvent> listener) {
        this.side = side;
        this.mediaIndex = mediaIndex;
        this.listener = listener;
    }

    void iceChanged(IceState to) {
        switch (to) {
            case CONNECTED -> {
                iceConnected = true;
                everConnected = true;
                if (announced) {
                    event(LegEvent.Kind.LEG_CONNECTED, null);
                } else {
                    announceIfReady();
                }
            }
            case DISCONNECTED -> {
                iceConnected = false;
                if (announced) {
                    event(LegEvent.Kind.LEG_DISCONNECTED, "ICE consent lapsed on " + where());
                }
            }
            case FAILED ->
                fail(
                        everConnected ? LegFailure.CONSENT_EXPIRED : LegFailure.ICE_FAILED,
                        everConnected ? "no consent" : "no check succeeded");
            default -> {}
        }
    }

    /** DTLS produced the SRTP keys. */
    void secured() {
        secure = true;
        announceIfReady();
    }

    private void announceIfReady() {
        if (!announced && iceConnected && secure && !failed) {
            announced = true;
            event(LegEvent.Kind.LEG_CONNECTED, null);
        }
    }

    void peerClosed() {
        if (failed || closed) {
            return;
        }
        LOG.debug("DTLS closed by the peer on {}", where());
        event(LegEvent.Kind.LEG_CLOSED, "DTLS closed by the peer on " + where());
    }

    void fail(LegFailure failure, String detail) {
        if (failed || closed) {
            return;
        }
        failed = true;
        String cause = failure.describe() + " on " + where() + " (" + detail + ")";
        LOG.info("{}", cause);
        listener.accept(new LegEvent(LegEvent.Kind.LEG_FAILED, side, mediaIndex, failure, cause));
    }

    /** False when already closed. */
    boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    boolean isClosed() {
        return closed;
    }

    boolean isFailed() {
        return failed;
    }

    boolean isConnected() {
        return announced && iceConnected && !failed && !closed;
    }

    private String where() {
        return side.wire() + " leg " + mediaIndex;
    }

    private void event(LegEvent.Kind kind, String cause) {
        listener.accept(new LegEvent(kind, side, mediaIndex, null, cause));
    }
}
