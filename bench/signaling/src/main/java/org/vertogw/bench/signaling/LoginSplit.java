package org.vertogw.bench.signaling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.vertogw.testing.InsecureHttp;
import org.vertogw.testing.MetricsText;

/**
 * Where a login's time goes, as the gateway itself measures it (docs/operations.md, Metrics): the sums and counts of
 * {@code verto_gateway_login_seconds} and {@code verto_gateway_login_island_seconds} read from {@code /metrics}
 * before and after the logins, so that the browser's round trip splits into the island's part, the gateway's own
 * and the rest (the hops between browser and gateway, TLS records included). Means, not percentiles: the
 * histograms' buckets are too coarse for those.
 */
final class LoginSplit {

    private final HttpClient http;
    private final URI metrics;
    private double[] before;

    LoginSplit(int gatewayPort) {
        this.http = InsecureHttp.client(); // the bench's gateway has a self-signed loopback certificate
        this.metrics = URI.create("https://localhost:" + gatewayPort + "/metrics");
    }

    void start() throws Exception {
        before = read();
    }

    /** The split of the logins since {@link #start}, given the browser's mean round trip over them. */
    String finish(double browserMeanMicros) throws Exception {
        double[] after = read();
        double n = after[2] - before[2];
        if (n <= 0) {
            return "no login observed by the gateway";
        }
        double whole = (after[0] - before[0]) / n * 1e6;
        double island = (after[1] - before[1]) / n * 1e6;
        return String.format(
                Locale.ROOT,
                "mean of %.0f: browser round trip %.0f µs = island's part %.0f + gateway's own %.0f"
                        + " + between browser and gateway %.0f",
                n,
                browserMeanMicros,
                island,
                whole - island,
                browserMeanMicros - whole);
    }

    /** {login sum, island sum, count}. */
    private double[] read() throws Exception {
        String text = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        return new double[] {
            value(text, "verto_gateway_login_seconds_sum"),
            value(text, "verto_gateway_login_island_seconds_sum"),
            value(text, "verto_gateway_login_seconds_count")
        };
    }

    private static double value(String text, String series) {
        return MetricsText.sample(text, series)
                .orElseThrow(() -> new IllegalStateException("the gateway's /metrics has no " + series));
    }
}
