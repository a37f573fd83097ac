package org.vertogw.media.sdp;

/** An SDP the gateway cannot parse or cannot relay; the message names the line or the missing attribute. */
public class SdpException extends Exception {

    private static final long serialVersionUID = 1L;

    public SdpException(String message) {
        super(message);
    }
}
