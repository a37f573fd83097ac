package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.config.Limits;
import org.vertogw.gateway.edge.CloseReason;
import org.vertogw.testing.RawWebSocket;

/**
 * The rate of new connections per address, over real sockets from several loopback addresses: past its burst an
 * address's connections are reset before any TLS byte, counted, and other addresses are not affected.
 */
class ConnectionRateTest {

    private static final int BURST = 5;
    private static final double RATE = 0.1;

    static GatewayFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new GatewayFixture(b -> b.limits(Limits.builder()
                .with(l -> {
                    l.connectionsPerSecondPerAddress = RATE;
                    l.connectionBurstPerAddress = BURST;
                })
                .build()));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void connectionsOverTheRateAreResetBeforeTheTlsHandshakeAndOtherAddressesAreUnaffected() throws Exception {
        InetAddress flooder = InetAddress.getByName("127.0.0.2");
        InetAddress other = InetAddress.getByName("127.0.0.3");
        int port = fx.gateway.port();
        long before = fx.gateway.metrics().count(CloseReason.CONNECTION_RATE);
        long started = System.nanoTime();
        List<AutoCloseable> open = new ArrayList<>();
        try {
            // within the burst: a full TLS handshake and WebSocket upgrade, then bare TLS handshakes
            open.add(RawWebSocket.open("127.0.0.1", port, fx.wss().getPath(), 0, flooder));
            for (int i = 1; i < BURST; i++) {
                open.add(RawWebSocket.tls("127.0.0.1", port, 0, flooder));
            }
            // over it: the server ends the connection without waiting for (or answering) a ClientHello
            int attempts = 5;
            int refused = 0;
            for (int i = 0; i < attempts; i++) {
                if (resetWithNothingSent(flooder, port, Duration.ofSeconds(3))) {
                    refused++;
                }
            }
            assertThatThrownBy(() -> RawWebSocket.tls("127.0.0.1", port, 0, flooder))
                    .as("a TLS client over the rate gets no ServerHello")
                    .isInstanceOf(IOException.class);
            refused++;
            attempts++;
            // the bucket refills at RATE: on a very slow run a token may have come back meanwhile
            long refilled = (long) ((System.nanoTime() - started) / 1e9 * RATE);
            assertThat(refused).isGreaterThanOrEqualTo((int) (attempts - refilled));
            long counted = before + refused;
            GatewayFixture.await(
                    () -> fx.gateway.metrics().count(CloseReason.CONNECTION_RATE) == counted,
                    "refusals counted as connection_rate");

            open.add(RawWebSocket.open("127.0.0.1", port, fx.wss().getPath(), 0, other));
            assertThat(fx.gateway.metrics().count(CloseReason.CONNECTION_RATE))
                    .as("another address is not refused")
                    .isEqualTo(counted);
            String series = "verto_gateway_connections_refused_total{reason=\"connection_rate\"} ";
            assertThat(fx.get("/metrics").body().lines().filter(line -> line.startsWith(series)))
                    .singleElement()
                    .satisfies(line -> assertThat(Double.parseDouble(line.substring(series.length())))
                            .isEqualTo(counted));
        } finally {
            for (AutoCloseable c : open) {
                c.close();
            }
        }
    }

    /**
     * Connects from {@code local} and sends nothing: true when the gateway closes or resets the connection within
     * {@code within} without a byte (on loopback the reset may even arrive before the connect returns); a connection
     * it accepts waits for a ClientHello instead. A port that refuses the SYN fails the test.
     */
    private static boolean resetWithNothingSent(InetAddress local, int port, Duration within) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(local, 0));
            s.setSoTimeout((int) within.toMillis());
            try {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                return s.getInputStream().read() < 0;
            } catch (ConnectException e) {
                throw e;
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
    }
}
