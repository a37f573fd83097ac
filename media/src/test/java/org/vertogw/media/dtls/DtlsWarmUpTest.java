package org.vertogw.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertogw.media.dtls.DtlsWarmUp.Peer;

/**
 * The warm-up's handshakes are real DTLS-SRTP handshakes (Bouncy Castle, both ends in memory) that complete, for
 * either key of our own against either key of a peer, in either role: a shape that failed would end the warm-up
 * early and the count would fall short.
 */
class DtlsWarmUpTest {

    private static final List<Peer> EVERY_SHAPE = List.of(
            new Peer(DtlsKeyType.ECDSA_P256, DtlsRole.SERVER),
            new Peer(DtlsKeyType.ECDSA_P256, DtlsRole.CLIENT),
            new Peer(DtlsKeyType.RSA_2048, DtlsRole.SERVER),
            new Peer(DtlsKeyType.RSA_2048, DtlsRole.CLIENT));

    @Test
    void everyShapeCompletesForEitherOwnKey() {
        for (DtlsKeyType own : new DtlsKeyType[] {DtlsKeyType.ECDSA_P256, DtlsKeyType.RSA_2048}) {
            assertThat(DtlsWarmUp.start(own, EVERY_SHAPE, EVERY_SHAPE.size()))
                    .as("warm-up with our %s key", own)
                    .succeedsWithin(Duration.ofSeconds(60))
                    .isEqualTo(EVERY_SHAPE.size());
        }
    }
}
