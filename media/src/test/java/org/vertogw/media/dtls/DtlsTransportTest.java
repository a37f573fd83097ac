package org.vertogw.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertogw.media.srtp.SrtpKeyingMaterial;
import org.vertogw.media.srtp.SrtpProfile;

/** Real Bouncy Castle DTLS 1.2 handshakes wired together in memory: roles, profiles, fingerprints, loss. */
class DtlsTransportTest {

    private static final DtlsCertificate CLIENT_CERT = DtlsCertificate.generate();
    private static final DtlsCertificate SERVER_CERT = DtlsCertificate.generate();

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    /** Records the single outcome of one side. */
    static final class Outcome implements DtlsListener {
        final CompletableFuture<SrtpKeyingMaterial> keys = new CompletableFuture<>();
        final CompletableFuture<Void> closedByPeer = new CompletableFuture<>();
        volatile DtlsFailure failure;
        volatile String detail;

        @Override
        public void onClosed() {
            closedByPeer.complete(null);
        }

        @Override
        public void onConnected(SrtpKeyingMaterial k) {
            keys.complete(k);
        }

        @Override
        public void onFailed(DtlsFailure f, String detail) {
            failure = f;
            this.detail = detail;
            keys.completeExceptionally(new IllegalStateException(f + ": " + detail));
        }
    }

    private final class Pair {
        final Outcome clientOutcome = new Outcome();
        final Outcome serverOutcome = new Outcome();
        final DtlsTransport client;
        final DtlsTransport server;
        final AtomicInteger dropped = new AtomicInteger();

        Pair(
                List<SrtpProfile> clientProfiles,
                List<SrtpProfile> serverProfiles,
                DtlsFingerprint clientExpects,
                DtlsFingerprint serverExpects,
                IntPredicate dropNth,
                int timeoutMillis) {
            DtlsTransport[] holder = new DtlsTransport[2];
            AtomicInteger clientSent = new AtomicInteger();
            AtomicInteger serverSent = new AtomicInteger();
            client = new DtlsTransport(
                    CLIENT_CERT,
                    DtlsRole.CLIENT,
                    clientExpects,
                    clientProfiles,
                    (b, o, l) -> {
                        if (dropNth.test(clientSent.incrementAndGet())) {
                            dropped.incrementAndGet();
                        } else {
                            holder[1].receive(b, o, l);
                        }
                    },
                    executor,
                    timeoutMillis,
                    200,
                    clientOutcome);
            server = new DtlsTransport(
                    SERVER_CERT,
                    DtlsRole.SERVER,
                    serverExpects,
                    serverProfiles,
                    (b, o, l) -> {
                        if (dropNth.test(serverSent.incrementAndGet())) {
                            dropped.incrementAndGet();
                        } else {
                            holder[0].receive(b, o, l);
                        }
                    },
                    executor,
                    timeoutMillis,
                    200,
                    serverOutcome);
            holder[0] = client;
            holder[1] = server;
            server.start();
            client.start();
        }
    }

    private Pair pair(List<SrtpProfile> clientProfiles, List<SrtpProfile> serverProfiles) {
        return new Pair(
                clientProfiles,
                serverProfiles,
                SERVER_CERT.fingerprint(),
                CLIENT_CERT.fingerprint(),
                n -> false,
                10_000);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void bothRolesExportMirroredKeysForEachProfile(SrtpProfile profile) throws Exception {
        Pair p = pair(List.of(profile), List.of(profile));
        SrtpKeyingMaterial c = p.clientOutcome.keys.get(10, TimeUnit.SECONDS);
        SrtpKeyingMaterial s = p.serverOutcome.keys.get(10, TimeUnit.SECONDS);
        assertThat(c.profile()).isEqualTo(profile);
        assertThat(c.local()).isEqualTo(s.remote());
        assertThat(c.remote()).isEqualTo(s.local());
        assertThat(c.local()).isNotEqualTo(c.remote());
        assertThat(p.client.state()).isEqualTo(DtlsState.CONNECTED);
        assertThat(p.server.state()).isEqualTo(DtlsState.CONNECTED);
        p.client.close();
        p.server.close();
    }

    @Test
    void aBrowserLegServerPrefersGcmWhenTheClientOffersBoth() throws Exception {
        Pair p = pair(
                List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, SrtpProfile.AEAD_AES_128_GCM),
                List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80));
        assertThat(p.serverOutcome.keys.get(10, TimeUnit.SECONDS).profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
        assertThat(p.clientOutcome.keys.get(10, TimeUnit.SECONDS).profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
    }

    @Test
    void anIslandLegServerKeepsToAesCmEvenWhenOfferedGcm() throws Exception {
        Pair p = pair(
                List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80),
                List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80));
        assertThat(p.clientOutcome.keys.get(10, TimeUnit.SECONDS).profile())
                .isEqualTo(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
    }

    @Test
    void aServerCertificateThatDoesNotMatchTheFingerprintFailsTheClient() throws Exception {
        Pair p = new Pair(
                List.of(SrtpProfile.AEAD_AES_128_GCM),
                List.of(SrtpProfile.AEAD_AES_128_GCM),
                CLIENT_CERT.fingerprint(),
                CLIENT_CERT.fingerprint(),
                n -> false,
                10_000);
        assertThat(p.clientOutcome.keys)
                .failsWithin(10, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class);
        assertThat(p.clientOutcome.failure).isEqualTo(DtlsFailure.FINGERPRINT_MISMATCH);
        assertThat(p.serverOutcome.keys)
                .failsWithin(10, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class);
        assertThat(p.client.state()).isEqualTo(DtlsState.FAILED);
    }

    @Test
    void aClientCertificateThatDoesNotMatchTheFingerprintFailsTheServer() throws Exception {
        Pair p = new Pair(
                List.of(SrtpProfile.AEAD_AES_128_GCM),
                List.of(SrtpProfile.AEAD_AES_128_GCM),
                SERVER_CERT.fingerprint(),
                SERVER_CERT.fingerprint(),
                n -> false,
                10_000);
        assertThat(p.serverOutcome.keys)
                .failsWithin(10, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class);
        assertThat(p.serverOutcome.failure).isEqualTo(DtlsFailure.FINGERPRINT_MISMATCH);
    }

    @Test
    void noCommonSrtpProfileFailsTheHandshake() throws Exception {
        Pair p = pair(List.of(SrtpProfile.AEAD_AES_128_GCM), List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80));
        assertThat(p.serverOutcome.keys)
                .failsWithin(10, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class);
        assertThat(p.serverOutcome.failure).isEqualTo(DtlsFailure.NO_SRTP_PROFILE);
        assertThat(p.clientOutcome.keys)
                .failsWithin(10, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class);
    }

    @Test
    void anEstablishedAssociationHoldsNoThreadAndHearsThePeersCloseNotify() throws Exception {
        Pair p = pair(List.of(SrtpProfile.AEAD_AES_128_GCM), List.of(SrtpProfile.AEAD_AES_128_GCM));
        p.clientOutcome.keys.get(10, TimeUnit.SECONDS);
        p.serverOutcome.keys.get(10, TimeUnit.SECONDS);
        ThreadPoolExecutor pool = (ThreadPoolExecutor) executor;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pool.getActiveCount() > 0) {
            assertThat(System.nanoTime())
                    .as("handshake threads still busy: %d", pool.getActiveCount())
                    .isLessThan(deadline);
            Thread.sleep(5);
        }

        p.client.close();

        p.serverOutcome.closedByPeer.get(5, TimeUnit.SECONDS);
        assertThat(p.server.state()).isEqualTo(DtlsState.CLOSED);
        assertThat(p.clientOutcome.closedByPeer).isNotDone();
    }

    @Test
    void lostFlightsAreRetransmittedUntilTheHandshakeCompletes() throws Exception {
        // drop the 1st and 2nd datagram of each side: ClientHello, then the server's first flight
        Pair p = new Pair(
                List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80),
                List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80),
                SERVER_CERT.fingerprint(),
                CLIENT_CERT.fingerprint(),
                n -> n <= 2,
                20_000);
        SrtpKeyingMaterial c = p.clientOutcome.keys.get(20, TimeUnit.SECONDS);
        SrtpKeyingMaterial s = p.serverOutcome.keys.get(20, TimeUnit.SECONDS);
        assertThat(c.local()).isEqualTo(s.remote());
        assertThat(p.dropped.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aServerThatHearsNothingTimesOut() throws Exception {
        Outcome outcome = new Outcome();
        DtlsTransport server = new DtlsTransport(
                SERVER_CERT,
                DtlsRole.SERVER,
                CLIENT_CERT.fingerprint(),
                List.of(SrtpProfile.AEAD_AES_128_GCM),
                (b, o, l) -> {},
                executor,
                1000,
                200,
                outcome);
        server.start();
        assertThat(outcome.keys)
                .failsWithin(10, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class);
        assertThat(outcome.failure).isEqualTo(DtlsFailure.TIMEOUT);
    }

    @Test
    void garbageRecordsDoNotCompleteOrCrashTheHandshake() throws Exception {
        Outcome outcome = new Outcome();
        DtlsTransport server = new DtlsTransport(
                SERVER_CERT,
                DtlsRole.SERVER,
                CLIENT_CERT.fingerprint(),
                List.of(SrtpProfile.AEAD_AES_128_GCM),
                (b, o, l) -> {},
                executor,
                1500,
                200,
                outcome);
        server.start();
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 50; i++) {
            byte[] junk = new byte[13 + r.nextInt(200)];
            r.nextBytes(junk);
            junk[0] = 22;
            server.receive(junk, 0, junk.length);
        }
        assertThat(outcome.keys)
                .failsWithin(10, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class);
        assertThat(outcome.failure).isIn(DtlsFailure.TIMEOUT, DtlsFailure.HANDSHAKE_ERROR);
    }

    @Test
    void fingerprintsParseAndPrintInSdpForm() {
        DtlsFingerprint f = SERVER_CERT.fingerprint();
        assertThat(f.toSdp()).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(DtlsFingerprint.parse(f.toSdp())).isEqualTo(f);
        assertThat(DtlsFingerprint.parse("SHA-256 " + f.toSdp().substring(8).toLowerCase()))
                .isEqualTo(f);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DtlsFingerprint.parse("md5 AA:BB"))
                .hasMessageContaining("md5");
    }
}
