package org.vertogw.gateway.tls;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS handshakes run in memory against the edge's own {@link SSLEngine}s at the gateway's start, with a client that
 * trusts the edge's certificate only. When a gateway dies its browsers reconnect to the others at once
 * (docs/architecture.md, "Failure and recovery"); a gateway whose TLS code the JIT has not compiled yet spent hundreds
 * of milliseconds on each of those first handshakes on a busy 2-core machine. Runs on a thread of its own at low
 * priority, after the connector is up.
 */
public final class EdgeTlsWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeTlsWarmUp.class);

    /** Handshakes, each followed by one record each way (an upgrade request and its answer). */
    public static final int DEFAULT_HANDSHAKES = 40;

    /** Wrap and unwrap steps one handshake may take before it is abandoned (a full TLS 1.3 one takes about ten). */
    private static final int STEP_LIMIT = 200;

    private static final byte[] REQUEST =
            "GET /verto HTTP/1.1\r\nUpgrade: websocket\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private EdgeTlsWarmUp() {}

    /**
     * Starts {@code handshakes} handshakes against engines of {@code edge} (started); the future completes with how
     * many completed (a failure is logged and ends the warm-up: the edge works without it).
     */
    public static CompletableFuture<Integer> start(SslContextFactory.Server edge, int handshakes) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Thread t = new Thread(
                () -> {
                    long start = System.nanoTime();
                    int completed = 0;
                    try {
                        SSLContext client = clientTrusting(edge.getKeyStore());
                        for (int i = 0; i < handshakes; i++) {
                            SSLEngine c = client.createSSLEngine("localhost", 443);
                            c.setUseClientMode(true);
                            handshake(c, edge.newSSLEngine());
                            completed++;
                        }
                        LOG.debug(
                                "edge TLS warmed up: {} handshakes in {} ms",
                                completed,
                                (System.nanoTime() - start) / 1_000_000);
                    } catch (Exception e) {
                        LOG.debug("edge TLS warm-up stopped after {} handshakes: {}", completed, e.toString());
                    } finally {
                        done.complete(completed);
                    }
                },
                "edge-tls-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return done;
    }

    /** A client context whose only trust anchors are the certificates of the edge's key store. */
    private static SSLContext clientTrusting(KeyStore edgeKeys) throws Exception {
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        for (String alias : Collections.list(edgeKeys.aliases())) {
            Certificate cert = edgeKeys.getCertificate(alias);
            if (cert != null) {
                anchors.setCertificateEntry(alias, cert);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(anchors);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** Drives both engines to the end of the handshake, then sends one record from the client and one back. */
    static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
        server.setUseClientMode(false); // as Jetty's SslConnectionFactory sets it on the engines it makes
        Pipe toServer = new Pipe(client, server);
        Pipe toClient = new Pipe(server, client);
        client.beginHandshake();
        server.beginHandshake();
        for (int step = 0; handshaking(client) || handshaking(server); step++) {
            if (step == STEP_LIMIT) {
                throw new SSLException("handshake did not complete in " + STEP_LIMIT + " steps");
            }
            toServer.step();
            toClient.step();
        }
        toServer.send(REQUEST);
        toClient.send(REQUEST);
        client.closeOutbound();
        server.closeOutbound();
    }

    private static boolean handshaking(SSLEngine e) {
        HandshakeStatus s = e.getHandshakeStatus();
        return s != HandshakeStatus.NOT_HANDSHAKING && s != HandshakeStatus.FINISHED;
    }

    /** One direction: what {@code from} wraps, {@code to} unwraps. */
    private static final class Pipe {
        private final SSLEngine from;
        private final SSLEngine to;
        private final ByteBuffer net;
        private final ByteBuffer app;

        Pipe(SSLEngine from, SSLEngine to) {
            this.from = from;
            this.to = to;
            this.net = ByteBuffer.allocate(from.getSession().getPacketBufferSize() * 4);
            this.app = ByteBuffer.allocate(to.getSession().getApplicationBufferSize() * 2);
        }

        /** Lets {@code from} write what its handshake wants written, and {@code to} read what it wants read. */
        void step() throws SSLException {
            runTasks(from);
            while (from.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                from.wrap(ByteBuffer.allocate(0), net);
                runTasks(from);
            }
            unwrapAll();
        }

        void send(byte[] data) throws SSLException {
            from.wrap(ByteBuffer.wrap(data), net);
            unwrapAll();
        }

        private void unwrapAll() throws SSLException {
            net.flip();
            while (net.hasRemaining()) {
                int before = net.remaining();
                to.unwrap(net, app);
                runTasks(to);
                app.clear();
                if (net.remaining() == before) {
                    break; // a partial record: the rest comes with the next step
                }
            }
            net.compact();
        }

        private static void runTasks(SSLEngine e) {
            for (Runnable r = e.getDelegatedTask(); r != null; r = e.getDelegatedTask()) {
                r.run();
            }
        }
    }
}
