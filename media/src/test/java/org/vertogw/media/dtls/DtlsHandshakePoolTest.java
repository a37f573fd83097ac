package org.vertogw.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vertogw.media.srtp.SrtpProfile;

/** A full handshake pool refuses the next handshake with a cause, instead of queuing it without bound. */
class DtlsHandshakePoolTest {

    @Test
    void aHandshakeTheFullPoolCannotTakeFailsAsOverloaded() throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            pool.execute(() -> {});
            DtlsCertificate cert = DtlsCertificate.generate();
            DtlsTransportTest.Outcome outcome = new DtlsTransportTest.Outcome();
            DtlsTransport t = new DtlsTransport(
                    cert,
                    DtlsRole.SERVER,
                    cert.fingerprint(),
                    List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80),
                    (b, o, l) -> {},
                    pool,
                    5000,
                    500,
                    outcome);
            assertThat(t.isStarted()).isFalse();
            assertThat(t.state()).isEqualTo(DtlsState.NEW);
            t.start();
            assertThat(outcome.failure).isEqualTo(DtlsFailure.OVERLOADED);
            assertThat(t.state()).isEqualTo(DtlsState.FAILED);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
