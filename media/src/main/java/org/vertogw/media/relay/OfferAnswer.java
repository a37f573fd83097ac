package org.vertogw.media.relay;

import org.vertogw.media.sdp.SdpException;
import org.vertogw.media.sdp.SessionDescription;

/**
 * Where a relay's offer/answer exchange (RFC 3264) stands, and the checks that refuse an SDP out of turn: an offer
 * on a relay that negotiated already (other than a browser re-offer on an answered call), an answer with no offer
 * pending or with another number of m-lines. Media thread only.
 */
final class OfferAnswer {

    enum Flow {
        NONE,
        BROWSER_OFFERED,
        /** verto.modify updateMedia: a new offer from the browser on an answered call (RFC 3264 §8). */
        BROWSER_REOFFERED,
        ISLAND_OFFERED,
        ANSWERED
    }

    private final String callId;
    private Flow flow = Flow.NONE;
    private boolean everConnected;

    OfferAnswer(String callId) {
        this.callId = callId;
    }

    Flow flow() {
        return flow;
    }

    /** Answered once: a re-offer pending keeps the media of the answer before it. */
    boolean answered() {
        return flow == Flow.ANSWERED || flow == Flow.BROWSER_REOFFERED;
    }

    void set(Flow f) {
        flow = f;
    }

    void begin(Flow f, boolean closed) throws SdpException {
        if (closed) {
            throw new SdpException("relay " + callId + " is closed");
        }
        if (f == Flow.BROWSER_REOFFERED ? flow != Flow.ANSWERED : flow != Flow.NONE) {
            throw new SdpException(
                    f == Flow.BROWSER_REOFFERED
                            ? "relay " + callId + " has no answered call to update"
                            : "relay " + callId + " already negotiated; re-offers need a new relay");
        }
        flow = f;
    }

    /** An answer to the pending offer from {@code browser} (or the island), with {@code sections} m-lines. */
    void expect(boolean browser, boolean closed, SessionDescription answer, int sections) throws SdpException {
        if (closed) {
            throw new SdpException("relay " + callId + " is closed");
        }
        boolean pending =
                browser ? flow == Flow.BROWSER_OFFERED || flow == Flow.BROWSER_REOFFERED : flow == Flow.ISLAND_OFFERED;
        if (!pending) {
            throw new SdpException(
                    "relay " + callId + ": no pending " + (browser ? "browser" : "island") + " offer to answer");
        }
        if (answer.media().size() != sections) {
            throw new SdpException("answer has " + answer.media().size() + " m-lines, the offer had " + sections);
        }
    }

    /** The relay's state given what its live legs add up to ({@link Path#legsState}, CLOSED once closed). */
    RelayState relayState(RelayState legs) {
        if (legs == RelayState.CLOSED || legs == RelayState.FAILED) {
            return legs;
        }
        if (!answered() || legs == null) {
            return RelayState.NEGOTIATING;
        }
        if (legs == RelayState.CONNECTED) {
            everConnected = true;
            return RelayState.CONNECTED;
        }
        return everConnected ? RelayState.DISCONNECTED : RelayState.CONNECTING;
    }
}
