package org.vertogw.e2e.harness;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.vertogw.gateway.tls.PemKeyStore;

/** One JSON document over HTTPS with CORS open, e.g. a partition map published somewhere else than the gateway. */
public final class StaticHttps implements AutoCloseable {

    private final HttpsServer server;

    public StaticHttps(Path dataDir, String json) throws Exception {
        KeyStore ks = PemKeyStore.selfSignedIn(dataDir);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PemKeyStore.PASSWORD.toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    public String url() {
        return "https://localhost:" + server.getAddress().getPort() + "/map.json";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
