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
 */
public record MediaSettings(
        String bindAddress,
        String publicAddress,
        int browserPort,
        int islandPortMin,
        int islandPortMax,
        int threads,
        DtlsKeyType dtlsKey) {

    public MediaSettings {
        dtlsKey = dtlsKey == null ? DtlsKeyType.ECDSA_P256 : dtlsKey;
    }

    public MediaSettings(
            String bindAddress, String publicAddress, int browserPort, int islandPortMin, int islandPortMax) {
        this(bindAddress, publicAddress, browserPort, islandPortMin, islandPortMax, 0, null);
    }

    public static MediaSettings defaults() {
        return new MediaSettings("0.0.0.0", null, 10000, 20000, 20999);
    }

    /** On loopback only, as the demo runs. */
    public static MediaSettings loopback(int browserPort) {
        return new MediaSettings("127.0.0.1", "127.0.0.1", browserPort, 0, 0);
    }
}
