package org.vertogw.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A WebSocket client written by hand over a TLS socket, for what a well-behaved client never does: never read,
 * stop halfway through the upgrade, finish TLS and say nothing, or send frames as fast as the socket takes them.
 */
public final class RawWebSocket implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String upgradeResponse;

    private RawWebSocket(Socket socket, String upgradeResponse) throws IOException {
        this.socket = socket;
        this.upgradeResponse = upgradeResponse;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /**
     * A TLS connection to {@code host:port} (any certificate trusted), its handshake done.
     *
     * @param receiveBuffer SO_RCVBUF before connecting (0: the default); a small one makes a client that does not
     *     read fill the server's buffers fast
     */
    public static SSLSocket tls(String host, int port, int receiveBuffer) throws Exception {
        return tls(host, port, receiveBuffer, null);
    }

    /**
     * As {@link #tls(String, int, int)}, from the local address {@code local} (null: any), so that one machine can
     * play clients at several addresses of 127.0.0.0/8 and per-address budgets see them apart.
     */
    public static SSLSocket tls(String host, int port, int receiveBuffer, java.net.InetAddress local) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(
                null,
                new TrustManager[] {
                    new X509TrustManager() {
                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    }
                },
                RANDOM);
        Socket plain = new Socket();
        if (receiveBuffer > 0) {
            plain.setReceiveBufferSize(receiveBuffer);
        }
        if (local != null) {
            plain.bind(new InetSocketAddress(local, 0));
        }
        plain.connect(new InetSocketAddress(host, port), 5000);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, port, true);
        s.startHandshake();
        return s;
    }

    /** The upgrade request of RFC 6455 §4.1 for {@code path}, with {@code headers} ("Name: value") added. */
    public static byte[] upgradeRequest(String host, int port, String path, String... headers) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        StringBuilder extra = new StringBuilder();
        for (String h : headers) {
            extra.append(h).append("\r\n");
        }
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: "
                        + Base64.getEncoder().encodeToString(nonce)
                        + "\r\nSec-WebSocket-Version: 13\r\n" + extra + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Upgrades to a WebSocket and reads the 101 answer (and nothing more). */
    public static RawWebSocket open(String host, int port, String path, int receiveBuffer) throws Exception {
        return open(host, port, path, receiveBuffer, null);
    }

    /** As {@link #open(String, int, String, int)}, from the local address {@code local} (null: any). */
    public static RawWebSocket open(String host, int port, String path, int receiveBuffer, java.net.InetAddress local)
            throws Exception {
        return open(host, port, path, receiveBuffer, local, new String[0]);
    }

    /** As {@link #open(String, int, String, int)}, the upgrade request carrying {@code headers} too. */
    public static RawWebSocket open(String host, int port, String path, String... headers) throws Exception {
        return open(host, port, path, 0, null, headers);
    }

    private static RawWebSocket open(
            String host, int port, String path, int receiveBuffer, java.net.InetAddress local, String[] headers)
            throws Exception {
        SSLSocket s = tls(host, port, receiveBuffer, local);
        s.getOutputStream().write(upgradeRequest(host, port, path, headers));
        s.getOutputStream().flush();
        StringBuilder head = new StringBuilder();
        InputStream in = s.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed during the upgrade: " + head);
            }
            head.append((char) c);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + head);
        }
        return new RawWebSocket(s, head.toString());
    }

    /** The server's answer to the upgrade: status line and headers. */
    public String upgradeResponse() {
        return upgradeResponse;
    }

    /** A masked text frame (RFC 6455 §5.2, §5.3). */
    public void sendText(String text) throws IOException {
        sendFrame(0x81, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A masked frame whose first byte (FIN, RSV1-3, opcode) is {@code head}: 0xC1, for one, is a text message
     * compressed with permessage-deflate (RFC 7692 §6), which a peer may send only once the extension was accepted.
     */
    public void sendFrame(int head, byte[] data) throws IOException {
        byte[] payload = data.clone();
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        int n = payload.length;
        byte[] header = n < 126
                ? new byte[] {(byte) head, (byte) (0x80 | n)}
                : n < 65536
                        ? new byte[] {(byte) head, (byte) (0x80 | 126), (byte) (n >> 8), (byte) n}
                        : new byte[] {
                            (byte) head,
                            (byte) (0x80 | 127),
                            0,
                            0,
                            0,
                            0,
                            (byte) (n >> 24),
                            (byte) (n >> 16),
                            (byte) (n >> 8),
                            (byte) n
                        };
        for (int i = 0; i < n; i++) {
            payload[i] ^= mask[i & 3];
        }
        out.write(header);
        out.write(mask);
        out.write(payload);
        out.flush();
    }

    /** A binary frame (opcode 2), masked: what the gateway refuses from a browser. */
    public void sendBinary(byte[] payload) throws IOException {
        sendFrame(0x82, payload);
    }

    /** The socket under the WebSocket, to check whether the server has closed it. */
    public Socket socket() {
        return socket;
    }

    /** Reads (and drops) until the server closes the TCP connection; false when it is still open at the deadline. */
    public boolean awaitEndOfStream(Duration within) throws IOException {
        return endOfStream(socket, within);
    }

    /** Reads {@code s} until the peer closes it; false when it is still open at the deadline. */
    public static boolean endOfStream(Socket s, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        byte[] buf = new byte[4096];
        while (System.nanoTime() < deadline) {
            s.setSoTimeout((int) Math.max(1, Math.min(200, (deadline - System.nanoTime()) / 1_000_000)));
            try {
                if (s.getInputStream().read(buf) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // still open: read again until the deadline
            } catch (IOException e) {
                return true; // reset by the peer
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
