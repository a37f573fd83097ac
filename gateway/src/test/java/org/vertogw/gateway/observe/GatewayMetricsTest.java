package org.vertogw.gateway.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vertogw.media.MediaConfig;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.net.TcpClose;
import org.vertogw.media.net.TcpLimits;
import org.vertogw.media.relay.MediaRelay;
import org.vertogw.testing.Await;

/** The media plane's figures reach /metrics: open relays, calls per media thread, discards by reason, ICE-TCP. */
class GatewayMetricsTest {

    private static String scrape(GatewayMetrics metrics) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void mediaFiguresAreReadAtEachScrape() throws Exception {
        try (MediaEngine engine = MediaEngine.start(MediaConfig.builder()
                        .bindAddress("127.0.0.1")
                        .browserPort(0)
                        .islandPorts(0, 0)
                        .mediaThreads(2)
                        .build());
                DatagramSocket attacker = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            GatewayMetrics metrics = new GatewayMetrics();
            metrics.media(engine);
            assertThat(scrape(metrics))
                    .contains("verto_gateway_media_relays 0.0")
                    .contains("verto_gateway_media_thread_calls{thread=\"0\"} 0.0")
                    .contains("verto_gateway_media_thread_calls{thread=\"1\"} 0.0");

            MediaRelay relay = engine.newRelay("call-1");
            byte[] garbage = {(byte) 0xFF, 1, 2, 3};
            attacker.send(new DatagramPacket(
                    garbage, garbage.length, InetAddress.getLoopbackAddress(), engine.browserPort()));
            long deadline = System.nanoTime() + 10_000_000_000L;
            String text = scrape(metrics);
            while (!text.contains("verto_gateway_media_discards_total{reason=\"unknown_packet\"} 1.0")
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                text = scrape(metrics);
            }
            assertThat(text)
                    .contains("verto_gateway_media_discards_total{reason=\"unknown_packet\"} 1.0")
                    .contains("verto_gateway_media_relays 1.0")
                    .contains("verto_gateway_media_relays_created_total 1.0")
                    .contains("verto_gateway_media_packets_total{direction=\"received\"} 0.0");
            assertThat(text).containsPattern("verto_gateway_media_thread_calls\\{thread=\"[01]\"\\} 1\\.0");
            relay.close();
            assertThat(scrape(metrics)).contains("verto_gateway_media_relays 0.0");
        }
    }

    @Test
    void iceTcpFiguresCountConnectionsRefusalsAndBytes() throws Exception {
        try (MediaEngine engine = MediaEngine.start(MediaConfig.builder()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .tcp(true, 0, TcpLimits.DEFAULTS)
                .build())) {
            GatewayMetrics metrics = new GatewayMetrics();
            metrics.media(engine);
            assertThat(scrape(metrics))
                    .contains("verto_gateway_media_tcp_connections 0.0")
                    .contains("verto_gateway_media_tcp_accepted_total 0.0");
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), engine.tcpPort())) {
                s.getOutputStream().write(new byte[] {0, 4, (byte) 0xFF, 1, 2, 3});
                s.setSoTimeout(10_000);
                assertThat(s.getInputStream().read()).isEqualTo(-1);
            }
            Await.until(
                    "refusal counted",
                    Duration.ofSeconds(10),
                    () -> engine.tcpCounters().closed(TcpClose.NOT_STUN) == 1);
            assertThat(scrape(metrics))
                    .contains("verto_gateway_media_tcp_accepted_total 1.0")
                    .contains("verto_gateway_media_tcp_closed_total{reason=\"not_stun\"} 1.0")
                    .contains("verto_gateway_media_tcp_bytes_total{direction=\"received\"} 6.0")
                    .contains("verto_gateway_media_tcp_connections 0.0")
                    .contains("verto_gateway_media_tcp_backpressure_drops_total 0.0");
        }
    }
}
