package org.vertogw.gateway.config;

import org.vertogw.media.dtls.DtlsKeyType;

/**
 * The media relay: where the shared browser port and the island-leg ports are bound, and the address advertised
 * in ICE candidates (the public address a browser can reach; by default the bind address).
 *
 * @param browserPort the one UDP port every browser leg shares (0 picks a free one)
 * @param islandPortMin first port of the island-leg range (0 with {@code islandPortMax} 0: any)
 * @param threads media threads, each call's packets served by one of them (0: one per available processor)
 * @param dtlsKey the key of the DTLS certificate made at start; ECDSA P-256 by default, as browsers present
 * @param dtlsHandshakeThreads DTLS handshakes running at once (0: twice the processors)
 * @param dtlsHandshakesQueued DTLS handshakes waiting for a thread; one more is refused (0: 512)
 * @param tcp ICE-TCP toward browsers (on by default, on the browser port's number)
 */
public record MediaSettings(
        String bindAddress,
        String publicAddress,
        int browserPort,
        int islandPortMin,
        int islandPortMax,
        int threads,
        DtlsKeyType dtlsKey,
        int dtlsHandshakeThreads,
        int dtlsHandshakesQueued,
        IceTcpSettings tcp) {

    public MediaSettings {
        dtlsKey = dtlsKey == null ? DtlsKeyType.ECDSA_P256 : dtlsKey;
        tcp = tcp == null ? IceTcpSettings.defaults() : tcp;
    }

    public MediaSettings(
            String bindAddress, String publicAddress, int browserPort, int islandPortMin, int islandPortMax) {
        this(bindAddress, publicAddress, browserPort, islandPortMin, islandPortMax, 0, null, 0, 0, null);
    }

    /** The same with {@code tcp} instead. */
    public MediaSettings withTcp(IceTcpSettings tcp) {
        return new MediaSettings(
                bindAddress,
                publicAddress,
                browserPort,
                islandPortMin,
                islandPortMax,
                threads,
                dtlsKey,
                dtlsHandshakeThreads,
                dtlsHandshakesQueued,
                tcp);
    }

    public static MediaSettings defaults() {
        return new MediaSettings("0.0.0.0", null, 10000, 20000, 20999);
    }

    /** On loopback only, as the demo runs. */
    public static MediaSettings loopback(int browserPort) {
        return new MediaSettings("127.0.0.1", "127.0.0.1", browserPort, 0, 0);
    }
}
