package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.media.DtlsWarmUp;
import org.vertogw.media.dtls.DtlsKeyType;

/** The warm-up's handshakes are real DTLS-SRTP handshakes (Bouncy Castle, both ends in memory) that complete. */
class DtlsWarmUpTest {

    @Test
    void everyHandshakeCompletesForEachKeyType() {
        for (DtlsKeyType type : new DtlsKeyType[] {DtlsKeyType.ECDSA_P256, DtlsKeyType.RSA_2048}) {
            assertThat(DtlsWarmUp.start(type, 3))
                    .as("warm-up with %s keys", type)
                    .succeedsWithin(Duration.ofSeconds(60))
                    .isEqualTo(3);
        }
    }

    @Test
    void aGatewayWithMediaWarmsUpAtStart() throws Exception {
        try (GatewayFixture fx = GatewayFixture.withMedia()) {
            assertThat(fx.gateway.dtlsWarmUp())
                    .succeedsWithin(Duration.ofSeconds(120))
                    .isEqualTo(DtlsWarmUp.DEFAULT_HANDSHAKES);
        }
    }
}
