package org.vertogw.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Defaults and validation of the engine configuration, and the façade's fingerprint and port. */
class MediaConfigTest {

    @Test
    void defaultsMatchTheDocumentedProductionValues() {
        MediaConfig c = MediaConfig.builder().build();
        assertThat(c.bindAddress().isAnyLocalAddress()).isTrue();
        assertThat(c.publicAddress()).isEqualTo("127.0.0.1");
        assertThat(c.browserPort()).isEqualTo(10000);
        assertThat(c.islandPortMin()).isEqualTo(20000);
        assertThat(c.islandPortMax()).isEqualTo(20999);
        assertThat(c.iceTimers().checkInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.iceTimers().failedAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(MediaConfig.builder().bindAddress("127.0.0.2").build().publicAddress())
                .isEqualTo("127.0.0.2");
        assertThat(MediaConfig.builder().publicAddress("203.0.113.9").build().publicAddress())
                .isEqualTo("203.0.113.9");
    }

    @Test
    void invalidPortsAreRefused() {
        assertThatThrownBy(() -> MediaConfig.builder().browserPort(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MediaConfig.builder().islandPorts(30000, 20000))
                .hasMessageContaining("invalid");
        assertThatThrownBy(() -> MediaConfig.builder().islandPorts(0, 20000)).hasMessageContaining("invalid");
        assertThatThrownBy(() -> MediaConfig.builder().bindAddress("not an address"))
                .hasMessageContaining("bind");
    }

    @Test
    void anEngineReportsItsPortAndSha256FingerprintAndRefusesATakenPort() {
        try (MediaEngine e = MediaEngine.start(
                MediaConfig.builder().bindAddress("127.0.0.1").browserPort(0).build())) {
            assertThat(e.browserPort()).isPositive();
            assertThat(e.fingerprint()).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
            assertThatThrownBy(() -> MediaEngine.start(MediaConfig.builder()
                            .bindAddress("127.0.0.1")
                            .browserPort(e.browserPort())
                            .build()))
                    .hasMessageContaining("cannot start the media engine");
            assertThat(e.stats().openRelays()).isZero();
        }
    }
}
