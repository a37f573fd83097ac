package org.vertogw.island.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.dtls.DtlsWarmUp;

/** An island's engine, with its RSA key, completes its warm-up handshakes against a gateway's key in both roles. */
class TerminatingMediaWarmUpTest {

    @Test
    void theIslandsKeyWarmsUpAgainstAGatewaysInBothRoles() {
        try (MediaEngine engine = MediaEngine.start(TerminatingMedia.config()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .build())) {
            assertThat(engine.config().dtlsKey()).isEqualTo(TerminatingMedia.DEFAULT_DTLS_KEY);
            assertThat(TerminatingMedia.warmUp(engine))
                    .succeedsWithin(Duration.ofSeconds(120))
                    .isEqualTo(DtlsWarmUp.DEFAULT_HANDSHAKES);
        }
    }
}
