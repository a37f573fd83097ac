package org.vertogw.bench.soak;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The soak's knobs, from system properties (see {@link SoakBench}). */
record SoakSettings(
        double minutes,
        int honest,
        int hostileThreads,
        long chaosMillis,
        int warmupSeconds,
        String gatewayHeap,
        long seed,
        Path jar) {

    static SoakSettings fromSystemProperties() {
        int honest = Integer.getInteger("soak.honest", 8);
        if (honest < 1 || honest > 10) {
            throw new IllegalArgumentException("soak.honest must be 1..10 (users 1000-1009), got " + honest);
        }
        Path jar = Path.of(System.getProperty("soak.jar", "../../app/target/verto-gateway.jar"));
        if (!jar.toFile().isFile()) {
            throw new IllegalArgumentException(jar + " is missing: build the product jar first (see README.md)");
        }
        return new SoakSettings(
                Double.parseDouble(System.getProperty("soak.minutes", "30")),
                honest,
                Integer.getInteger("soak.hostileThreads", 2),
                Long.getLong("soak.chaosSeconds", 60) * 1000,
                Integer.getInteger("soak.warmupSeconds", 20),
                System.getProperty("soak.gatewayHeap", "384m"),
                Long.getLong("soak.seed", 12),
                jar);
    }

    /** Honest users 1000.. spread over the demo's three domains. */
    List<String> honestUsers() {
        String[] domains = {"a.example", "b.example", "c.example"};
        List<String> users = new ArrayList<>();
        for (int i = 0; i < honest; i++) {
            users.add((1000 + i) + "@" + domains[i % 3]);
        }
        return users;
    }

    /** -Xmx of the gateways in bytes. */
    long gatewayHeapBytes() {
        String h = gatewayHeap.toLowerCase(java.util.Locale.ROOT);
        long unit = h.endsWith("g") ? 1L << 30 : h.endsWith("m") ? 1L << 20 : h.endsWith("k") ? 1L << 10 : 1;
        return Long.parseLong(h.replaceAll("[^0-9]", "")) * unit;
    }
}
