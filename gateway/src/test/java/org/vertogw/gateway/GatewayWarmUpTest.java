package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.tls.EdgeTlsWarmUp;
import org.vertogw.media.dtls.DtlsWarmUp;

/** A gateway warms up at start, in the background: its edge's TLS, and with media its relay's DTLS. */
class GatewayWarmUpTest {

    @Test
    void aGatewayWithMediaWarmsItsEdgeAndItsRelayUpAtStart() throws Exception {
        try (GatewayFixture fx = GatewayFixture.withMedia()) {
            assertThat(fx.gateway.dtlsWarmUp())
                    .succeedsWithin(Duration.ofSeconds(120))
                    .isEqualTo(DtlsWarmUp.DEFAULT_HANDSHAKES);
            assertThat(fx.gateway.tlsWarmUp())
                    .succeedsWithin(Duration.ofSeconds(120))
                    .isEqualTo(EdgeTlsWarmUp.DEFAULT_HANDSHAKES);
        }
    }
}
