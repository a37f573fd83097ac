package org.vertogw.gateway.island;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vertogw.testing.Await;

/**
 * An island that takes the upgrade and then never answers the link's close frame: the link drops the connection
 * after {@link IslandLink#CLOSE_HANDSHAKE} and counts it. The island is a plain server socket speaking just the
 * RFC 6455 §4.2.2 handshake: no real mod_verto hangs on close on purpose.
 */
class IslandLinkCloseTest {

    private static final Pattern KEY = Pattern.compile("(?i)sec-websocket-key:\\s*(\\S+)");

    @Test
    void aCloseTheIslandNeverAnswersIsDroppedInTimeAndCounted() throws Exception {
        try (ServerSocket server = new ServerSocket(0);
                UpstreamConnector connector = new UpstreamConnector(false, null, 1_000_000, Duration.ofSeconds(2))) {
            CompletableFuture<IslandLink> opened = new CompletableFuture<>();
            IslandLink.open(
                    connector,
                    "mute",
                    URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/"),
                    new Handler(opened));
            try (Socket island = server.accept()) {
                upgrade(island);
                IslandLink link = opened.get(10, TimeUnit.SECONDS);
                long before = connector.forcedCloses();
                long closedAt = System.nanoTime();
                link.close();
                // the island reads the close frame but never answers it: the link must end the connection itself
                assertThat(endOfStream(island, Duration.ofSeconds(20))).isTrue();
                long tookMs = (System.nanoTime() - closedAt) / 1_000_000;
                assertThat(tookMs).isGreaterThanOrEqualTo(IslandLink.CLOSE_HANDSHAKE.toMillis() - 100);
                Await.until("the forced close counted", () -> connector.forcedCloses() == before + 1);
            }
        }
    }

    private static void upgrade(Socket s) throws Exception {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            assertThat(c).as("upgrade request").isNotNegative();
            head.write(c);
        }
        Matcher m = KEY.matcher(head.toString(StandardCharsets.ISO_8859_1));
        assertThat(m.find()).isTrue();
        byte[] sha1 = MessageDigest.getInstance("SHA-1")
                .digest((m.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
        OutputStream out = s.getOutputStream();
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(sha1) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads (and drops) what comes until the peer ends the stream; false if it has not within {@code within}. */
    private static boolean endOfStream(Socket s, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        byte[] buf = new byte[4096];
        while (System.nanoTime() < deadline) {
            s.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            try {
                if (s.getInputStream().read(buf) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (java.net.SocketException reset) {
                return true;
            }
        }
        return false;
    }

    private record Handler(CompletableFuture<IslandLink> opened) implements IslandLink.Handler {
        @Override
        public void linkOpened(IslandLink link) {
            opened.complete(link);
        }

        @Override
        public void linkFailed(IslandLink link, Throwable cause) {
            opened.completeExceptionally(cause);
        }

        @Override
        public void linkText(IslandLink link, String text) {
            link.demand();
        }

        @Override
        public void linkClosed(IslandLink link, int code, String reason) {}
    }
}
