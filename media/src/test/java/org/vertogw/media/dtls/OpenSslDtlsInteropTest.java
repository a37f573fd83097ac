package org.vertogw.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vertogw.media.srtp.SrtpKeyingMaterial;
import org.vertogw.media.srtp.SrtpProfile;

/**
 * Real DTLS 1.2 handshakes over UDP against OpenSSL's own endpoints ({@code openssl s_server}/{@code s_client}),
 * the TLS stack FreeSWITCH links, with the certificates FreeSWITCH and browsers present and the suites and signature
 * algorithms they use. The keys we export must equal OpenSSL's, byte for byte, in both directions.
 */
class OpenSslDtlsInteropTest {

    @TempDir
    static Path dir;

    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();
    private static final Map<String, DtlsCertificate> OURS = new ConcurrentHashMap<>();
    private static final Map<String, OpenSslPeer.Credentials> THEIRS = new ConcurrentHashMap<>();

    @AfterAll
    static void shutdown() {
        EXECUTOR.shutdownNow();
    }

    private static DtlsCertificate ours(String key) {
        return OURS.computeIfAbsent(key, k -> DtlsCertificate.generate(DtlsKeyType.parse(k)));
    }

    private static OpenSslPeer.Credentials theirs(String key) throws Exception {
        OpenSslPeer.Credentials c = THEIRS.get(key);
        if (c == null) {
            c = OpenSslPeer.Credentials.generate(dir, key);
            THEIRS.put(key, c);
        }
        return c;
    }

    @ParameterizedTest(name = "gateway {0} with {2}, OpenSSL with {1} {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "CLIENT | rsa:2048 | ecdsa-p256 | ECDHE_RSA_WITH_AES_128_GCM_SHA256   | ",
                "SERVER | rsa:2048 | ecdsa-p256 | ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 | ",
                "CLIENT | rsa:3072 | ecdsa-p256 | ECDHE_RSA_WITH_AES_128_GCM_SHA256   | ",
                "SERVER | rsa:3072 | ecdsa-p256 | ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 | ",
                "CLIENT | rsa:4096 | ecdsa-p256 | ECDHE_RSA_WITH_AES_128_GCM_SHA256   | ",
                "SERVER | rsa:4096 | ecdsa-p256 | ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 | ",
                "CLIENT | P-256    | ecdsa-p256 | ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 | ",
                "SERVER | P-256    | ecdsa-p256 | ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 | ",
                "CLIENT | P-384    | ecdsa-p256 | ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 | ",
                "SERVER | P-384    | ecdsa-p256 | ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 | ",
                "CLIENT | rsa:2048 | ecdsa-p256 | ECDHE_RSA_WITH_AES_128_GCM_SHA256   | -sigalgs rsa_pkcs1_sha256:ecdsa_secp256r1_sha256",
                "SERVER | rsa:2048 | ecdsa-p256 | ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 | -sigalgs rsa_pkcs1_sha256:ecdsa_secp256r1_sha256",
                "CLIENT | rsa:2048 | ecdsa-p256 | ECDHE_RSA_WITH_AES_128_GCM_SHA256   | -sigalgs rsa_pss_rsae_sha256:ecdsa_secp256r1_sha256",
                "SERVER | rsa:2048 | ecdsa-p256 | ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 | -sigalgs rsa_pss_rsae_sha256:ecdsa_secp256r1_sha256",
                "CLIENT | rsa:2048 | ecdsa-p256 | ECDHE_RSA_WITH_AES_256_GCM_SHA384   | -cipher ECDHE-RSA-AES256-GCM-SHA384",
                "CLIENT | rsa:2048 | ecdsa-p256 | ECDHE_RSA_WITH_AES_128_CBC_SHA      | -cipher ECDHE-RSA-AES128-SHA",
                "SERVER | rsa:2048 | ecdsa-p256 | ECDHE_ECDSA_WITH_AES_128_CBC_SHA    | -cipher ECDHE-ECDSA-AES128-SHA",
                "CLIENT | P-256    | rsa-2048   | ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 | ",
                "SERVER | P-256    | rsa-2048   | ECDHE_RSA_WITH_AES_128_GCM_SHA256   | ",
                "SERVER | rsa:4096 | rsa-4096   | ECDHE_RSA_WITH_AES_256_GCM_SHA384   | -cipher ECDHE-RSA-AES256-GCM-SHA384",
                "CLIENT | rsa:2048 | rsa-2048   | ECDHE_RSA_WITH_AES_128_GCM_SHA256   | -client_sigalgs rsa_pkcs1_sha256",
                "SERVER | rsa:2048 | rsa-3072   | ECDHE_RSA_WITH_AES_128_CBC_SHA      | -cipher ECDHE-RSA-AES128-SHA -sigalgs rsa_pkcs1_sha256",
            })
    void handshakeExportsTheKeysOpenSslExports(
            DtlsRole role, String peerKey, String ourKey, String suite, String peerOptions) throws Exception {
        List<String> options = peerOptions == null
                ? List.of()
                : Arrays.asList(peerOptions.trim().split(" +"));
        Handshake h = handshake(role, ours(ourKey), theirs(peerKey), SrtpProfile.AES_CM_128_HMAC_SHA1_80, options);
        try {
            SrtpKeyingMaterial keys = h.keys();
            SrtpKeyingMaterial expected = SrtpKeyingMaterial.fromExport(
                    SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                    h.peer.keyingMaterial().get(10, TimeUnit.SECONDS),
                    role == DtlsRole.CLIENT);
            assertThat(keys.local().key()).isEqualTo(expected.local().key());
            assertThat(keys.local().salt()).isEqualTo(expected.local().salt());
            assertThat(keys.remote().key()).isEqualTo(expected.remote().key());
            assertThat(keys.remote().salt()).isEqualTo(expected.remote().salt());
            assertThat(h.transport.cipherSuite()).isEqualTo(suite);
            assertThat(h.transport.peerCertificate()).isEqualTo(describe(peerKey));
        } finally {
            h.close();
        }
    }

    @ParameterizedTest(name = "gateway {0}")
    @CsvSource({"CLIENT", "SERVER"})
    void gcmProfileKeysMatchToo(DtlsRole role) throws Exception {
        Handshake h = handshake(role, ours("ecdsa-p256"), theirs("rsa:2048"), SrtpProfile.AEAD_AES_128_GCM, List.of());
        try {
            SrtpKeyingMaterial expected = SrtpKeyingMaterial.fromExport(
                    SrtpProfile.AEAD_AES_128_GCM,
                    h.peer.keyingMaterial().get(10, TimeUnit.SECONDS),
                    role == DtlsRole.CLIENT);
            assertThat(h.keys().local().key()).isEqualTo(expected.local().key());
            assertThat(h.keys().remote().salt()).isEqualTo(expected.remote().salt());
        } finally {
            h.close();
        }
    }

    @Test
    void aServerWithNoSuiteInCommonSaysWhichSuitesWereOffered() throws Exception {
        Handshake h = handshake(
                DtlsRole.SERVER,
                ours("ecdsa-p256"),
                theirs("rsa:2048"),
                SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                List.of("-cipher", "AES128-SHA"));
        try {
            assertThat(h.outcome.keys).failsWithin(15, TimeUnit.SECONDS);
            assertThat(h.outcome.failure).isEqualTo(DtlsFailure.NO_COMMON_CIPHER_SUITE);
            assertThat(h.outcome.detail)
                    .contains("handshake_failure")
                    .contains("peer offered RSA_WITH_AES_128_CBC_SHA");
        } finally {
            h.close();
        }
    }

    @Test
    void aClientWhoseKeyTheServerCannotAcceptSaysWhatTheServerAccepts() throws Exception {
        Handshake h = handshake(
                DtlsRole.CLIENT,
                ours("ecdsa-p256"),
                theirs("rsa:2048"),
                SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                List.of("-sigalgs", "rsa_pkcs1_sha256"));
        try {
            assertThat(h.outcome.keys).failsWithin(15, TimeUnit.SECONDS);
            assertThat(h.outcome.failure).isEqualTo(DtlsFailure.NO_COMMON_SIGNATURE_ALGORITHM);
            assertThat(h.outcome.detail).contains("the peer accepts rsa_pkcs1_sha256, our key is ECDSA P-256");
        } finally {
            h.close();
        }
    }

    @Test
    void aWrongFingerprintNamesThePeersCertificate() throws Exception {
        OpenSslPeer.Credentials peer = theirs("rsa:2048");
        Handshake h = handshake(
                DtlsRole.CLIENT,
                ours("ecdsa-p256"),
                peer,
                ours("rsa-2048").fingerprint(),
                SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                List.of());
        try {
            assertThat(h.outcome.keys).failsWithin(15, TimeUnit.SECONDS);
            assertThat(h.outcome.failure).isEqualTo(DtlsFailure.FINGERPRINT_MISMATCH);
            assertThat(h.outcome.detail).contains("bad_certificate").contains("peer certificate RSA-2048");
        } finally {
            h.close();
        }
    }

    private static String describe(String opensslKey) {
        return opensslKey.startsWith("rsa:") ? "RSA-" + opensslKey.substring(4) : "ECDSA " + opensslKey;
    }

    private record Handshake(
            DtlsTransport transport, DtlsTransportTest.Outcome outcome, OpenSslPeer peer, UdpDtlsLink link) {

        SrtpKeyingMaterial keys() throws Exception {
            try {
                return outcome.keys.get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("handshake failed: " + e + "\nopenssl:\n" + peer.output(), e);
            }
        }

        void close() {
            transport.close();
            peer.close();
            link.close();
        }
    }

    private static Handshake handshake(
            DtlsRole role,
            DtlsCertificate ours,
            OpenSslPeer.Credentials theirs,
            SrtpProfile profile,
            List<String> options)
            throws Exception {
        return handshake(role, ours, theirs, theirs.fingerprint(), profile, options);
    }

    private static Handshake handshake(
            DtlsRole role,
            DtlsCertificate ours,
            OpenSslPeer.Credentials theirs,
            DtlsFingerprint expected,
            SrtpProfile profile,
            List<String> options)
            throws Exception {
        String opensslProfile =
                profile == SrtpProfile.AEAD_AES_128_GCM ? "SRTP_AEAD_AES_128_GCM" : "SRTP_AES128_CM_SHA1_80";
        var outcome = new DtlsTransportTest.Outcome();
        UdpDtlsLink link = new UdpDtlsLink();
        DtlsTransport t =
                new DtlsTransport(ours, role, expected, List.of(profile), link, EXECUTOR, 10_000, 500, outcome);
        link.attach(t);
        OpenSslPeer peer;
        if (role == DtlsRole.CLIENT) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            peer = OpenSslPeer.server(port, theirs, opensslProfile, options);
            peer.ready().get(10, TimeUnit.SECONDS);
            link.connectTo(port);
        } else {
            peer = OpenSslPeer.client(link.port(), theirs, opensslProfile, options);
        }
        t.start();
        return new Handshake(t, outcome, peer, link);
    }
}
