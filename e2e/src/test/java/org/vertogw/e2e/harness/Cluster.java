package org.vertogw.e2e.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vertogw.testing.EtcdCluster;
import org.vertogw.testing.ManagedProcess;
import org.vertogw.testing.ProductJar;

/**
 * The whole product as separate processes, as an operator runs it: islands {@code fs-01}, {@code fs-02}, spare
 * {@code spare-1}, and two gateways sharing one partition map file, each advertising both endpoints. Ports are
 * fixed for the life of the cluster, so a killed process comes back at the same address.
 */
public final class Cluster implements AutoCloseable {

    public static final List<String> ISLANDS = List.of("fs-01", "fs-02", "spare-1");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Map<String, ManagedProcess> islands = new LinkedHashMap<>();
    private final Map<String, Integer> islandPorts = new LinkedHashMap<>();
    private final List<ManagedProcess> gateways = new ArrayList<>();
    private final List<Integer> gatewayPorts = new ArrayList<>();
    private final List<Integer> mediaPorts = new ArrayList<>();
    private String gatewayAddress = "127.0.0.1";
    private String gatewayHost = "localhost";
    private boolean byExtension;
    private boolean defaultHealth;
    private EtcdCluster etcd;
    private ObjectNode failback;

    /** The operator's token of the gateways' {@code /v1/admin/*}, in a fleet. */
    public static final String ADMIN_TOKEN = "e2e-admin-token-0123456789";

    public Cluster(Path dir) {
        this.dir = dir;
    }

    /** Gateways listen, bind media and advertise on {@code address} instead of loopback (before {@link #start}). */
    public Cluster gatewaysOn(String address) {
        this.gatewayAddress = address;
        this.gatewayHost = address;
        return this;
    }

    /**
     * The gateways probe the islands at the product's default pace (a probe every second, three misses) instead of
     * the suites' faster one, as the failover benchmark measures them. Before {@link #start}.
     */
    public Cluster defaultHealth() {
        defaultHealth = true;
        return this;
    }

    /** The token the islands present to the gateways' {@code /v1/route}, and the secret of their trunks. */
    static final String ROUTE_TOKEN = "e2e-route-token-0123456789";

    static final String TRUNK_SECRET = "e2e-trunk-secret-0123456789";

    /**
     * Partitioned by extension, the islands asking the first gateway's {@code /v1/route} where a callee lives and
     * trunking calls between them (docs/operations.md, "Calls across islands"). Before {@link #start}.
     */
    public Cluster partitionedByExtension() {
        byExtension = true;
        return this;
    }

    /**
     * The gateways form a fleet on {@code etcd} (docs/operations.md, "Fleet on etcd"), its map carrying
     * {@code failback} ({@code policy}, {@code homeUpForMs}). Before {@link #start}.
     */
    public Cluster inFleet(EtcdCluster etcd, String policy, long homeUpForMs) {
        this.etcd = etcd;
        this.failback = JSON.createObjectNode().put("policy", policy).put("homeUpForMs", homeUpForMs);
        return this;
    }

    public Cluster start(int gatewayCount) throws Exception {
        Files.createDirectories(dir);
        for (int i = 0; i < gatewayCount; i++) {
            gatewayPorts.add(freePort());
            mediaPorts.add(freePort());
        }
        int islandMedia = 21000;
        for (String id : ISLANDS) {
            int port = freePort();
            islandPorts.put(id, port);
            List<String> args = new ArrayList<>(List.of(
                    "island",
                    "--id",
                    id,
                    "--port",
                    Integer.toString(port),
                    "--media-ports",
                    islandMedia + "-" + (islandMedia + 199)));
            if (byExtension) {
                args.addAll(List.of(
                        "--route-url",
                        gatewayUrl(0),
                        "--route-token",
                        ROUTE_TOKEN,
                        "--route-insecure",
                        "--trunk-secret",
                        TRUNK_SECRET));
            }
            islandMedia += 200;
            islands.put(id, new ManagedProcess(id, java(args.toArray(String[]::new)), dir));
        }
        writeMap();
        for (ManagedProcess p : islands.values()) {
            p.start("Island ready:");
        }
        for (int i = 0; i < gatewayCount; i++) {
            Path config = dir.resolve("gw-" + (i + 1) + ".json");
            ObjectNode c = JSON.createObjectNode();
            c.put("id", "gw-" + (i + 1));
            c.put("mode", "demo");
            c.putObject("listen").put("host", gatewayAddress).put("port", gatewayPorts.get(i));
            c.put("partitionMap", "map.json");
            c.put("dataDir", "data");
            ArrayNode endpoints = c.putArray("publicEndpoints");
            gatewayPorts.forEach(p -> endpoints.add("wss://" + gatewayHost + ":" + p + "/verto"));
            if (!defaultHealth) {
                c.putObject("health").put("intervalMs", 250).put("downAfter", 3).put("upAfter", 2);
            }
            if (byExtension) {
                c.putObject("admin").put("routeToken", ROUTE_TOKEN);
            }
            if (etcd != null) {
                // patient probes, so that a starved shared machine does not flap the fleet's verdict; a killed
                // island is still down within three ticks, a refused connect counting at once
                c.putObject("health")
                        .put("intervalMs", 500)
                        .put("timeoutMs", 2000)
                        .put("downAfter", 3)
                        .put("upAfter", 2);
                c.withObjectProperty("admin").put("token", ADMIN_TOKEN);
                ObjectNode fleet = c.putObject("fleet");
                etcd.endpoints().forEach(fleet.putArray("etcd")::add);
                fleet.put("prefix", "/e2e-fleet").put("leaseTtlMs", 3000).put("resyncMs", 500);
            }
            c.putObject("media")
                    .put("browserPort", mediaPorts.get(i))
                    .put("bindAddress", gatewayAddress)
                    .put("publicAddress", gatewayAddress)
                    .put("islandPortMin", 22000 + i * 500)
                    .put("islandPortMax", 22000 + i * 500 + 499);
            Files.writeString(config, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(c));
            ManagedProcess gw =
                    new ManagedProcess("gw-" + (i + 1), java("gateway", "--config", config.toString()), dir);
            gateways.add(gw);
            gw.start("Gateway ready:");
        }
        return this;
    }

    private void writeMap() throws IOException {
        ObjectNode map = JSON.createObjectNode();
        map.put("version", 1);
        map.put("partitionBy", byExtension ? "extension" : "domain");
        ArrayNode list = map.putArray("islands");
        for (String id : ISLANDS) {
            ObjectNode i = list.addObject();
            i.put("id", id);
            i.put("verto", "ws://127.0.0.1:" + islandPorts.get(id) + "/");
            if (id.startsWith("spare")) {
                i.put("role", "spare");
            }
        }
        if (failback != null) {
            map.set("failback", failback);
        }
        Files.writeString(
                dir.resolve("map.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(map));
    }

    private List<String> java(String... args) {
        return ProductJar.command(List.of("-Xmx384m", "-Dorg.slf4j.simpleLogger.log.org.vertogw=debug"), args);
    }

    public String gatewayUrl(int index) {
        return "https://" + gatewayHost + ":" + gatewayPorts.get(index) + "/";
    }

    /** The gateway's media port: UDP, and the ICE-TCP port (on by default, on the same number). */
    public int mediaPort(int index) {
        return mediaPorts.get(index);
    }

    public ManagedProcess gateway(int index) {
        return gateways.get(index);
    }

    public ManagedProcess island(String id) {
        return islands.get(id);
    }

    public void restartGateway(int index) throws Exception {
        gateways.get(index).start("Gateway ready:");
    }

    public void restartIsland(String id) throws Exception {
        islands.get(id).start("Island ready:");
    }

    public Path dir() {
        return dir;
    }

    private static final java.util.Set<Integer> TAKEN = new java.util.HashSet<>();

    /**
     * A port below Linux's ephemeral range (32768-60999), free for TCP and UDP now: the system never hands it to
     * another socket, so it is still free when the process it is meant for starts, and again after a restart.
     */
    static synchronized int freePort() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 1000; i++) {
            int port = 23000 + random.nextInt(900);
            if (TAKEN.contains(port)) {
                continue;
            }
            try (ServerSocket tcp = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress());
                    java.net.DatagramSocket udp =
                            new java.net.DatagramSocket(port, java.net.InetAddress.getLoopbackAddress())) {
                TAKEN.add(port);
                return port;
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IOException("no free port in 23000-23899");
    }

    @Override
    public void close() throws Exception {
        for (ManagedProcess g : gateways) {
            g.close();
        }
        for (ManagedProcess i : islands.values()) {
            i.close();
        }
    }
}
