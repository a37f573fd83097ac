package org.vertogw.media;

import org.vertogw.media.sdp.SdpException;

/**
 * An SDP that could be relayed, but not now: no UDP port of the island range is free, or the DTLS handshake pool
 * is full. The signaling side answers it as congestion (a retryable call error), not as a bad SDP.
 */
public final class MediaCapacityException extends SdpException {

    private static final long serialVersionUID = 1L;

    public MediaCapacityException(String message) {
        super(message);
    }
}
