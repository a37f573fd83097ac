package org.vertogw.media.sdp;

/**
 * What the gateway advertises for one media section: its ICE credentials, its one host candidate (an
 * {@code a=candidate} value), its certificate fingerprint and DTLS setup role, and the address and port.
 */
public record LocalTransport(
        String address, int port, String iceUfrag, String icePwd, String candidate, String fingerprint, String setup) {}
