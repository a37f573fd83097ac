package org.vertogw.media.dtls;

import java.util.Map;
import java.util.StringJoiner;
import org.bouncycastle.tls.CipherSuite;

/**
 * The DTLS 1.2 cipher suites of WebRTC peers: ECDHE with AES-GCM first (browsers and OpenSSL, hence FreeSWITCH,
 * prefer it), and the CBC suites a peer that offers only those falls back to. A server can only pick suites whose
 * authentication matches its own certificate; a client offers both, not knowing the server's.
 */
final class DtlsCipherSuites {

    private static final int[] ECDSA = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA
    };
    private static final int[] RSA = {
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA
    };

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, "ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, "ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"),
            Map.entry(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384, "ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"),
            Map.entry(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, "ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
            Map.entry(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, "ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
            Map.entry(
                    CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
                    "ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, "ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, "ECDHE_RSA_WITH_AES_128_CBC_SHA256"),
            Map.entry(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, "ECDHE_RSA_WITH_AES_256_CBC_SHA384"),
            Map.entry(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, "ECDHE_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, "ECDHE_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(
                    CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, "RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384, "RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, "RSA_WITH_AES_128_CBC_SHA"),
            Map.entry(CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA, "RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV, "EMPTY_RENEGOTIATION_INFO_SCSV"));

    private DtlsCipherSuites() {}

    /** What a server with this key can select, in its order of preference. */
    static int[] server(DtlsKeyType ours) {
        return (ours.isRsa() ? RSA : ECDSA).clone();
    }

    /** What a client offers: the server's certificate decides between the ECDSA and RSA suites. */
    static int[] client() {
        int[] all = new int[ECDSA.length + RSA.length];
        for (int i = 0; i < ECDSA.length; i++) {
            all[2 * i] = ECDSA[i];
            all[2 * i + 1] = RSA[i];
        }
        return all;
    }

    static String name(int suite) {
        String n = NAMES.get(suite);
        return n != null ? n : String.format("0x%04X", suite);
    }

    static String names(int[] suites) {
        StringJoiner j = new StringJoiner(",");
        for (int s : suites) {
            j.add(name(s));
        }
        return j.toString();
    }
}
