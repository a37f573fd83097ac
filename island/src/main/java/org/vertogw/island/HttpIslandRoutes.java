package org.vertogw.island;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Routes asked of a gateway's {@code GET /v1/route} (docs/operations.md, "Calls across islands"), as a FreeSWITCH
 * dialplan asks it through {@code mod_curl}: the answer follows the gateway's map and its view of which islands are
 * down. {@code insecure} accepts any certificate, for the demo's self-signed gateway only.
 */
public final class HttpIslandRoutes implements IslandRoutes {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final URI base;
    private final String token;
    private final HttpClient http;

    public HttpIslandRoutes(URI base, String token, boolean insecure) {
        this.base = base;
        this.token = token;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(TIMEOUT);
        if (insecure) {
            b.sslContext(trustAll());
        }
        this.http = b.build();
    }

    @Override
    public CompletableFuture<IslandRoute> lookup(String user, String domain) {
        URI uri = base.resolve("/v1/route?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&domain="
                + URLEncoder.encode(domain, StandardCharsets.UTF_8));
        HttpRequest.Builder r = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.sendAsync(r.build(), HttpResponse.BodyHandlers.ofString()).thenApply(resp -> {
            if (resp.statusCode() != 200) {
                throw new IllegalStateException("route lookup answered " + resp.statusCode());
            }
            try {
                JsonNode body = MAPPER.readTree(resp.body());
                JsonNode verto = body.get("verto");
                return new IslandRoute(
                        body.path("island").asText(), verto == null || verto.isNull() ? null : verto.asText());
            } catch (IOException e) {
                throw new IllegalStateException("route lookup answer is not JSON", e);
            }
        });
    }

    private static SSLContext trustAll() {
        try {
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
                    new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("no TLS", e);
        }
    }
}
