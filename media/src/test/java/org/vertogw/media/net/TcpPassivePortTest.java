package org.vertogw.media.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vertogw.media.MediaConfig;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.stun.MessageIntegrity;
import org.vertogw.media.stun.StunMessageType;
import org.vertogw.media.stun.StunMessageWriter;
import org.vertogw.testing.Await;

/**
 * The ICE-TCP port over real loopback TCP: every limit refuses with its counted reason, bad input closes the
 * connection (counted) without leaving anything open, and a reader that does not read costs a bounded queue and
 * dropped packets, never a blocked media thread.
 */
class TcpPassivePortTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Socket> clients = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (Socket s : clients) {
            s.close();
        }
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private TcpPassivePort port(TcpLimits limits, IceTcpConnection.FrameHandler first) throws IOException {
        MediaLoop loop = new MediaLoop("tcp-test", 20);
        open.add(loop);
        TcpPassivePort p = TcpPassivePort.open(loop, new InetSocketAddress("127.0.0.1", 0), limits, first);
        open.add(0, p);
        return p;
    }

    private MediaEngine engine(TcpLimits limits) {
        MediaEngine e = MediaEngine.start(MediaConfig.builder()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .tcp(true, 0, limits)
                .build());
        open.add(e);
        return e;
    }

    private Socket connect(String from, int port) throws IOException {
        Socket s = new Socket();
        clients.add(s);
        s.bind(new InetSocketAddress(from, 0));
        try {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            s.setSoTimeout((int) WAIT.toMillis());
        } catch (SocketException e) {
            // a refusal's reset can overtake the end of connect() on loopback
            s.close();
        }
        return s;
    }

    private static void send(Socket s, byte[] body) throws IOException {
        byte[] f = new byte[2 + body.length];
        f[0] = (byte) (body.length >>> 8);
        f[1] = (byte) body.length;
        System.arraycopy(body, 0, f, 2, body.length);
        s.getOutputStream().write(f);
        s.getOutputStream().flush();
    }

    /** The gateway closed (FIN or reset) the connection: a read ends instead of timing out. */
    private static boolean closedByPeer(Socket s) {
        if (s.isClosed()) {
            return true;
        }
        try {
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // drain whatever came before the close
            }
            return true;
        } catch (SocketException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long seen(TcpCounters c) {
        long n = c.accepted();
        for (TcpClose r : TcpClose.values()) {
            if (r.name().startsWith("REFUSED")) {
                n += c.closed(r);
            }
        }
        return n;
    }

    @Test
    void connectionsOverTheTotalAndPerAddressLimitsAreRefusedWithTheirReason() throws Exception {
        TcpPassivePort p = port(new TcpLimits(4, 3, Duration.ofSeconds(30), 64 * 1024), (c, f) -> {});
        TcpCounters c = p.counters();
        for (int i = 1; i <= 4; i++) {
            connect("127.0.0.1", p.port());
            int expected = i;
            Await.until("connection " + i + " seen", WAIT, () -> seen(c) == expected, c::toString);
        }
        assertThat(c.accepted()).isEqualTo(3);
        assertThat(c.closed(TcpClose.REFUSED_ADDRESS_LIMIT)).isEqualTo(1);
        assertThat(closedByPeer(clients.get(3))).isTrue();

        connect("127.0.0.2", p.port());
        Await.until("fifth seen", WAIT, () -> seen(c) == 5, c::toString);
        Socket sixth = connect("127.0.0.2", p.port());
        Await.until("sixth seen", WAIT, () -> seen(c) == 6, c::toString);
        assertThat(c.accepted()).isEqualTo(4);
        assertThat(c.closed(TcpClose.REFUSED_TOTAL_LIMIT)).isEqualTo(1);
        assertThat(closedByPeer(sixth)).isTrue();
        assertThat(p.connections()).isEqualTo(4);
        assertThat(c.open()).isEqualTo(4);
    }

    @Test
    void aFloodOfIdleConnectionsFromOneAddressHoldsAtItsLimitAndEndsAtTheHandshakeDeadline() throws Exception {
        TcpPassivePort p = port(new TcpLimits(4096, 50, Duration.ofSeconds(3), 64 * 1024), (c, f) -> {});
        TcpCounters c = p.counters();
        int flood = 1500;
        for (int i = 0; i < flood; i++) {
            connect("127.0.0.1", p.port());
        }
        Await.until("all seen", WAIT, () -> seen(c) == flood, c::toString);
        assertThat(c.accepted()).isEqualTo(50);
        assertThat(c.closed(TcpClose.REFUSED_ADDRESS_LIMIT)).isEqualTo(flood - 50);
        Await.until("idle ones closed", WAIT, () -> p.connections() == 0, c::toString);
        assertThat(c.closed(TcpClose.HANDSHAKE_TIMEOUT)).isEqualTo(50);
        assertThat(c.open()).isZero();
        // their slots are free again
        connect("127.0.0.1", p.port());
        Await.until("a new one accepted", WAIT, () -> c.accepted() == 51, c::toString);
    }

    @Test
    void aReaderThatDoesNotReadGetsABoundedQueueAndDroppedPacketsNotABlockedThread() throws Exception {
        int maxQueued = 16 * 1024;
        List<IceTcpConnection> claimed = new CopyOnWriteArrayList<>();
        long[] refused = new long[1];
        TcpPassivePort p = port(new TcpLimits(16, 16, Duration.ofSeconds(30), maxQueued), (conn, f) -> {
            conn.verified();
            claimed.add(conn);
            byte[] media = new byte[1400];
            for (int i = 0; i < 20_000; i++) {
                if (!conn.send(media, 0, media.length, conn.remote())) {
                    refused[0]++;
                }
            }
        });
        Socket s = connect("127.0.0.1", p.port());
        s.setReceiveBufferSize(4096);
        send(s, new byte[] {0, 1, 0, 0});
        Await.until("claimed", WAIT, () -> !claimed.isEmpty());
        IceTcpConnection conn = claimed.get(0);
        MediaLoop loop = conn.loop();
        // the media thread finished its 20,000 sends and still serves tasks
        LoopCalls.run(loop, () -> {});
        TcpCounters c = p.counters();
        assertThat(c.droppedForBackPressure()).isPositive().isEqualTo(refused[0]);
        int[] queued = new int[1];
        LoopCalls.run(loop, () -> queued[0] = conn.queuedBytes());
        assertThat(queued[0]).isBetween(1, maxQueued);
        // what was queued is whole frames: the reader gets every byte counted as sent, in frames of 1400
        assertThat(c.bytesOut() + queued[0]).isEqualTo((20_000 - refused[0]) * 1402L);
        InputStream in = s.getInputStream();
        byte[] header = new byte[2];
        for (int i = 0; i < 100; i++) {
            assertThat(in.readNBytes(header, 0, 2)).isEqualTo(2);
            assertThat(((header[0] & 0xFF) << 8) | (header[1] & 0xFF)).isEqualTo(1400);
            in.skipNBytes(1400);
        }
    }

    @Test
    void badFirstFramesAreClosedAndCountedByReason() throws Exception {
        MediaEngine e = engine(new TcpLimits(64, 64, Duration.ofMillis(500), 64 * 1024));
        TcpCounters c = e.tcpCounters();

        Socket garbage = connect("127.0.0.1", e.tcpPort());
        send(garbage, "GET / HTTP/1.1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(closedByPeer(garbage)).isTrue();

        Socket oversize = connect("127.0.0.1", e.tcpPort());
        oversize.getOutputStream().write(new byte[] {(byte) 0xFF, (byte) 0xFF, 0, 1, 0, 0});
        assertThat(closedByPeer(oversize)).isTrue();

        Socket stranger = connect("127.0.0.1", e.tcpPort());
        send(
                stranger,
                StunMessageWriter.request(StunMessageType.BINDING)
                        .username("nobody:x")
                        .messageIntegrity(MessageIntegrity.Key.of("not-a-password-of-ours"))
                        .fingerprint()
                        .toBytes());
        assertThat(closedByPeer(stranger)).isTrue();

        Socket silent = connect("127.0.0.1", e.tcpPort());
        assertThat(closedByPeer(silent)).isTrue();

        Await.until("all counted", WAIT, () -> e.tcpConnections() == 0 && c.open() == 0, c::toString);
        assertThat(c.accepted()).isEqualTo(4);
        assertThat(c.closed(TcpClose.NOT_STUN)).isEqualTo(1);
        assertThat(c.closed(TcpClose.OVERSIZE_FRAME)).isEqualTo(1);
        assertThat(c.closed(TcpClose.UNKNOWN_USERNAME)).isEqualTo(1);
        assertThat(c.closed(TcpClose.HANDSHAKE_TIMEOUT)).isEqualTo(1);
        assertThat(c.bytesIn()).isPositive();
    }

    @Test
    void theEngineListensOnTheUdpPortsNumberUnlessToldOtherwise() {
        MediaEngine e = MediaEngine.start(MediaConfig.builder()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .tcp(true, -1, TcpLimits.DEFAULTS)
                .build());
        open.add(e);
        assertThat(e.tcpPort()).isEqualTo(e.browserPort());
        MediaEngine off = MediaEngine.start(MediaConfig.builder()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .build());
        open.add(off);
        assertThat(off.tcpPort()).isZero();
    }
}
