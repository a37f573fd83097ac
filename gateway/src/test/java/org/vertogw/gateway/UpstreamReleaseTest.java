package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.config.Limits;
import org.vertogw.island.VertoIsland;
import org.vertogw.testing.Await;
import org.vertogw.testing.RawWebSocket;

/**
 * A browser that does not read, cut off while the island's speed-test download waits for it: the gateway had
 * stopped reading that island link (the browser was behind), and closing the link must still give its socket back
 * instead of leaving it in CLOSE_WAIT for good (the 30-minute soak, bench/soak/README.md). The gateway's own TCP
 * sockets to the island are read from {@code /proc/net/tcp*}, keeping only this process's (its {@code /proc/self/fd}).
 */
class UpstreamReleaseTest {

    static GatewayFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new GatewayFixture(b -> b.limits(Limits.builder()
                .with(l -> {
                    l.warmLinksPerIsland = 2;
                    l.maxQueuedOutboundBytes = 256 * 1024;
                    l.speedTestBytesPerMinute = 64L << 20;
                })
                .build()));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void aLinkClosedWhileNotReadingReleasesItsSocket() throws Exception {
        String islandId = fx.islandOf("a.example");
        VertoIsland island = fx.islands.get(islandId);
        int port = island.port();
        // the probe's connection and the two warm links
        Await.until(
                "the island's probe and warm links",
                Duration.ofSeconds(60),
                () -> upstream(port).size() == 3,
                () -> upstream(port).toString());
        int loggedIn = island.connections().loggedIn();
        RawWebSocket browser = RawWebSocket.open("127.0.0.1", fx.gateway.port(), "/verto", 4096);
        try {
            ObjectNode login = JsonNodeFactory.instance.objectNode();
            login.put("jsonrpc", "2.0").put("method", "login").put("id", 1);
            login.set("params", loginParams("1000@a.example", "1234", "leak-" + UUID.randomUUID()));
            browser.sendText(login.toString());
            Await.until("logged in on the island", () -> island.connections().loggedIn() == loggedIn + 1);
            browser.sendText("#SPU 10485760");
            browser.sendText("#SPE");
            Await.until(
                    "the gateway stopped reading the island (its download waits in TCP)",
                    Duration.ofSeconds(60),
                    () -> upstream(port).stream().anyMatch(s -> s.unread() > 64 * 1024),
                    () -> upstream(port).toString());
        } finally {
            cutOff(browser.socket());
        }
        Await.until(
                "the upstream sockets back to the probe's and the warm links'",
                Duration.ofSeconds(60),
                () -> upstream(port).size() == 3,
                () -> upstream(port).toString());
        assertThat(upstream(port)).noneMatch(s -> s.state().equals("CLOSE_WAIT"));
    }

    /** An abortive close (RFC 793 reset), as a browser that crashed or lost its network. */
    private static void cutOff(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }

    /** One of this process's TCP sockets: its state and the bytes received and not yet read. */
    record TcpSocket(String state, long unread) {}

    private static final String[] STATES = {
        "?",
        "ESTABLISHED",
        "SYN_SENT",
        "SYN_RECV",
        "FIN_WAIT1",
        "FIN_WAIT2",
        "TIME_WAIT",
        "CLOSE",
        "CLOSE_WAIT",
        "LAST_ACK",
        "LISTEN",
        "CLOSING"
    };

    /** This process's TCP sockets whose remote port is {@code port}, TIME_WAIT aside (it holds no descriptor). */
    static List<TcpSocket> upstream(int port) {
        Set<String> inodes = ownSocketInodes();
        String remote = String.format(Locale.ROOT, ":%04X", port);
        List<TcpSocket> found = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.trim().split("\\s+");
                    if (f[2].endsWith(remote) && inodes.contains(f[9])) {
                        int st = Integer.parseInt(f[3], 16);
                        long rx = Long.parseLong(f[4].substring(f[4].indexOf(':') + 1), 16);
                        found.add(new TcpSocket(st < STATES.length ? STATES[st] : f[3], rx));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + table, e);
            }
        }
        return found;
    }

    private static Set<String> ownSocketInodes() {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed meanwhile
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
        return inodes;
    }
}
