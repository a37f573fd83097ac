package org.vertogw.gateway.island;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.vertogw.gateway.tls.PemKeyStore;

/**
 * The one WebSocket client every upstream link and health probe uses (ws:// or wss:// to mod_verto). Upstream
 * certificates are checked against the JDK's trust store, a PEM CA bundle, or (demo only) not at all.
 */
public final class UpstreamConnector implements AutoCloseable {

    private final WebSocketClient client;
    private final Scheduler scheduler;
    private final AtomicLong forcedCloses = new AtomicLong();

    public UpstreamConnector(boolean trustAll, Path caPem, int maxMessageBytes, Duration connectTimeout)
            throws Exception {
        SslContextFactory.Client ssl = new SslContextFactory.Client(trustAll);
        if (!trustAll && caPem != null) {
            ssl.setTrustStore(trustStore(caPem));
        }
        ClientConnector cc = new ClientConnector();
        cc.setSslContextFactory(ssl);
        cc.setConnectTimeout(connectTimeout);
        QueuedThreadPool pool = new QueuedThreadPool(200, 4);
        pool.setName("upstream");
        pool.setDaemon(true);
        cc.setExecutor(pool);
        HttpClient http = new HttpClient(new HttpClientTransportDynamic(cc));
        http.setExecutor(pool);
        http.setConnectTimeout(connectTimeout.toMillis());
        client = new WebSocketClient(http);
        // mod_verto sends up to 1,000,000 bytes per frame (docs/protocol.md §1.2) and answers nothing to WS pings
        // (§1.6).
        client.setMaxTextMessageSize(Math.max(maxMessageBytes, 1_000_000) + 64 * 1024);
        client.setIdleTimeout(Duration.ZERO);
        client.setConnectTimeout(connectTimeout.toMillis());
        client.start();
        scheduler = http.getScheduler();
    }

    /** Runs {@code task} after {@code delay} on the client's timer. */
    void schedule(Runnable task, Duration delay) {
        scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Counts a link dropped because its close handshake did not finish in time ({@link IslandLink#close()}). */
    void forcedClose() {
        forcedCloses.incrementAndGet();
    }

    /** Links dropped so far without a finished close handshake. */
    public long forcedCloses() {
        return forcedCloses.get();
    }

    public CompletableFuture<Session> connect(URI uri, Session.Listener listener) {
        try {
            return client.connect(listener, uri, new ClientUpgradeRequest());
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static KeyStore trustStore(Path caPem) throws Exception {
        List<Certificate> certs = PemKeyStore.readCertificates(caPem);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        for (int i = 0; i < certs.size(); i++) {
            ks.setCertificateEntry("ca-" + i, certs.get(i));
        }
        return ks;
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
