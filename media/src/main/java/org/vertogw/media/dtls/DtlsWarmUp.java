package org.vertogw.media.dtls;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.media.srtp.SrtpKeyingMaterial;
import org.vertogw.media.srtp.SrtpProfile;

/**
 * DTLS-SRTP handshakes run in memory at a media engine's start, client against server, before any peer needs one.
 * The first real handshakes of a JVM would otherwise pay for class loading and interpreted elliptic-curve and RSA
 * code: a second or more per leg on a busy machine, which is what a call taken over after a failure waits for; and a
 * cold handshake thread sends its flights late enough that the peer's 1 s retransmission timer (RFC 6347 §4.2.4.1)
 * adds another. Each handshake takes the shape of a real one, the engine's own key against a peer's key in a given
 * role ({@link Peer}), since RSA and ECDSA, client and server, run different code. Runs on threads of its own at low
 * priority, so the engine serves meanwhile.
 */
public final class DtlsWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(DtlsWarmUp.class);

    /** Handshakes that bring the first real one from seconds to tens of milliseconds on a shared 2-core machine. */
    public static final int DEFAULT_HANDSHAKES = 12;

    private static final Duration HANDSHAKE_LIMIT = Duration.ofSeconds(20);

    /** A peer the engine meets: the key of its certificate, and the engine's own role against it. */
    public record Peer(DtlsKeyType key, DtlsRole ownRole) {}

    private DtlsWarmUp() {}

    /**
     * Starts {@code handshakes} handshakes one after the other, the engine's end with a key of {@code ownKey}, the
     * other end each of {@code peers} in turn; the future completes with how many completed (a failure is logged and
     * ends the warm-up early: the engine works without it).
     */
    public static CompletableFuture<Integer> start(DtlsKeyType ownKey, List<Peer> peers, int handshakes) {
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "dtls-warm-up");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Thread driver = new Thread(
                () -> {
                    long start = System.nanoTime();
                    int completed = 0;
                    try {
                        DtlsCertificate own = DtlsCertificate.generate(ownKey);
                        Map<DtlsKeyType, DtlsCertificate> peerCerts = new EnumMap<>(DtlsKeyType.class);
                        for (int i = 0; i < handshakes; i++) {
                            SrtpProfile profile =
                                    i % 2 == 0 ? SrtpProfile.AEAD_AES_128_GCM : SrtpProfile.AES_CM_128_HMAC_SHA1_80;
                            Peer shape = peers.get(i % peers.size());
                            DtlsCertificate peer = peerCerts.computeIfAbsent(shape.key(), DtlsCertificate::generate);
                            boolean serves = shape.ownRole() == DtlsRole.SERVER;
                            handshake(serves ? own : peer, serves ? peer : own, profile, threads);
                            completed++;
                        }
                        LOG.debug(
                                "DTLS warmed up: {} handshakes in {} ms",
                                completed,
                                (System.nanoTime() - start) / 1_000_000);
                    } catch (Exception e) {
                        LOG.debug("DTLS warm-up stopped after {} handshakes: {}", completed, e.toString());
                    } finally {
                        threads.shutdownNow();
                        done.complete(completed);
                    }
                },
                "dtls-warm-up-driver");
        driver.setDaemon(true);
        driver.setPriority(Thread.MIN_PRIORITY);
        driver.start();
        return done;
    }

    /** One handshake over an in-memory pair of transports; returns once both ends hold SRTP keys. */
    private static void handshake(
            DtlsCertificate serverCert, DtlsCertificate clientCert, SrtpProfile profile, ExecutorService threads)
            throws Exception {
        DtlsTransport[] ends = new DtlsTransport[2];
        Outcome serverDone = new Outcome();
        Outcome clientDone = new Outcome();
        int timeout = (int) HANDSHAKE_LIMIT.toMillis();
        ends[0] = new DtlsTransport(
                serverCert,
                DtlsRole.SERVER,
                clientCert.fingerprint(),
                List.of(profile),
                (b, o, l) -> ends[1].receive(b, o, l),
                threads,
                timeout,
                1000,
                serverDone);
        ends[1] = new DtlsTransport(
                clientCert,
                DtlsRole.CLIENT,
                serverCert.fingerprint(),
                List.of(profile),
                (b, o, l) -> {
                    ends[0].start();
                    ends[0].receive(b, o, l);
                },
                threads,
                timeout,
                1000,
                clientDone);
        try {
            ends[1].start();
            clientDone.keys.get(timeout, TimeUnit.MILLISECONDS);
            serverDone.keys.get(timeout, TimeUnit.MILLISECONDS);
        } finally {
            ends[0].close();
            ends[1].close();
        }
    }

    private static final class Outcome implements DtlsListener {
        final CompletableFuture<SrtpKeyingMaterial> keys = new CompletableFuture<>();

        @Override
        public void onConnected(SrtpKeyingMaterial k) {
            keys.complete(k);
        }

        @Override
        public void onFailed(DtlsFailure failure, String detail) {
            keys.completeExceptionally(new IllegalStateException(failure + ": " + detail));
        }
    }
}
