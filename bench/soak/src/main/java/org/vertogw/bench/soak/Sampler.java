package org.vertogw.bench.soak;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vertogw.testing.InsecureHttp;

/**
 * Reads each gateway every 5 s during the run (heap after the last collection, RSS, threads, descriptors, UDP
 * sockets, sessions) and keeps the largest values; reads the gateways' refusal counters for the phases.
 */
final class Sampler {

    private static final HttpClient HTTP = InsecureHttp.client();
    private final SoakCluster cluster;
    private final List<GatewayProbe> probes;
    private final long[][] max;
    private volatile boolean running = true;
    private Thread thread;

    Sampler(SoakCluster cluster, List<GatewayProbe> probes) {
        this.cluster = cluster;
        this.probes = probes;
        this.max = new long[probes.size()][8];
    }

    void start() {
        thread = new Thread(this::loop, "sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join();
    }

    private void loop() {
        while (running) {
            for (int i = 0; i < probes.size(); i++) {
                if (cluster.gateway(i).alive()) {
                    GatewayProbe.Figures f =
                            probes.get(i).read(cluster.gateway(i).pid(), false);
                    long[] v = {
                        f.heapAfterGc(),
                        f.heapMax(),
                        f.rss(),
                        f.threads(),
                        f.fds(),
                        f.udpSockets(),
                        f.sessions(),
                        f.relays()
                    };
                    synchronized (max) {
                        for (int k = 0; k < v.length; k++) {
                            max[i][k] = Math.max(max[i][k], v[k]);
                        }
                    }
                }
            }
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Per gateway, the largest value seen of each figure (in the order of {@link GatewayProbe.Figures}). */
    List<long[]> maxima() {
        synchronized (max) {
            List<long[]> out = new ArrayList<>();
            for (long[] m : max) {
                out.add(m.clone());
            }
            return out;
        }
    }

    /** The refusal and login counters of each gateway, by series prefixed with the gateway's index. */
    Map<String, Long> refusalCounters() {
        Map<String, Long> sum = new TreeMap<>();
        for (int i = 0; i < cluster.gatewayCount(); i++) {
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + cluster.port(i) + "/metrics"))
                                .header("Authorization", "Bearer " + SoakCluster.ADMIN_TOKEN)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                for (String l : r.body().split("\n")) {
                    if (l.startsWith("verto_gateway_refused_total")
                            || l.startsWith("verto_gateway_connections_refused_total")
                            || l.startsWith("verto_gateway_logins_total")) {
                        int sp = l.lastIndexOf(' ');
                        String series = i + " " + l.substring(0, sp).replace("verto_gateway_", "");
                        sum.merge(series, (long) Double.parseDouble(l.substring(sp + 1)), Long::sum);
                    }
                }
            } catch (Exception e) {
                // a gateway down now: its counters start again from zero when it is back
            }
        }
        return sum;
    }

    /**
     * Growth of each counter over both gateways, by series; a gateway's counter that went down (it was restarted)
     * counts from zero.
     */
    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new TreeMap<>();
        after.forEach((k, v) -> {
            long b = before.getOrDefault(k, 0L);
            long g = v >= b ? v - b : v;
            if (g > 0) {
                d.merge(k.substring(k.indexOf(' ') + 1), g, Long::sum);
            }
        });
        return d;
    }
}
