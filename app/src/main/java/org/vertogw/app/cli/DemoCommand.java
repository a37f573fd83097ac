package org.vertogw.app.cli;

import org.vertogw.app.demo.DemoCluster;
import org.vertogw.island.Directory;
import org.vertogw.island.VertoIsland;
import org.vertogw.partition.PartitionBy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The embedded default: a gateway with two islands and a spare, the demo directory and the demo page. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run a gateway with embedded islands fs-01, fs-02 and spare-1, and the demo softphone.")
public final class DemoCommand implements Runnable {

    @Mixin
    DemoOptions options = new DemoOptions();

    @Override
    public void run() {
        PartitionBy partitionBy = PartitionBy.fromWire(options.partitionBy);
        if (partitionBy == null) {
            throw new InvalidInput("--partition-by must be domain or extension, got " + options.partitionBy, null);
        }
        DemoCluster cluster;
        try {
            cluster = DemoCluster.start(
                    options.host, options.port, options.dataDir, options.mediaPort, options.publicAddress, partitionBy);
        } catch (Exception e) {
            throw new IllegalStateException("the demo did not start: " + e.getMessage(), e);
        }
        Console.out("Verto gateway demo");
        Console.out("Gateway ready: " + cluster.gateway().httpsUri());
        Console.out("  WebSocket:   " + cluster.gateway().wssUri());
        for (VertoIsland i : cluster.islands()) {
            Console.out("  Island:      " + i.id() + " " + i.uri());
        }
        Console.out("  Media:       udp " + cluster.gateway().media().browserPort() + " (ICE-lite, DTLS-SRTP)");
        Console.out("  Demo logins: 1000-1019 at " + String.join(", ", Directory.DEMO_DOMAINS) + ", password "
                + Directory.DEMO_PASSWORD + "; dial 9196 for the echo test");
        if (partitionBy == PartitionBy.EXTENSION) {
            Console.out("  Partitioned by extension: users of one domain live on different islands and call each"
                    + " other over a trunk, e.g.");
            for (String island : DemoCluster.ACTIVE) {
                userOn(cluster, island).ifPresent(u -> Console.out("  " + u + " lives on " + island));
            }
        } else {
            for (String d : Directory.DEMO_DOMAINS) {
                Console.out("  " + d + " lives on "
                        + cluster.gateway().router().route("1000", d).serving().id());
            }
        }
        Console.out("  The certificate is self-signed: accept it once in the browser.");
        Foreground.runUntilStopped(cluster);
    }

    /** One a.example demo user the gateway routes to {@code island}, for a person to try a call across islands. */
    private static java.util.Optional<String> userOn(DemoCluster cluster, String island) {
        String domain = Directory.DEMO_DOMAINS.get(0);
        return java.util.stream.IntStream.range(1000, 1020)
                .mapToObj(n -> n + "@" + domain)
                .filter(u -> cluster.gateway()
                        .router()
                        .route(u.substring(0, u.indexOf('@')), domain)
                        .serving()
                        .id()
                        .equals(island))
                .findFirst();
    }
}
