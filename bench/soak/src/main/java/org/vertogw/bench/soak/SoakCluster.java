package org.vertogw.bench.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vertogw.testing.ManagedProcess;
import org.vertogw.testing.ProductJar;

/**
 * The product as an operator runs it, each part its own process from the product jar: islands {@code fs-01},
 * {@code fs-02} and spare {@code spare-1} (echo on 9196, media terminated), and gateways {@code gw-1}, {@code gw-2}
 * sharing one partition map, with media relayed. Ports are fixed for the life of the cluster (below Linux's
 * ephemeral range, so no client socket takes them meanwhile) and a killed process comes back at the same address.
 */
final class SoakCluster implements AutoCloseable {

    static final List<String> ISLANDS = List.of("fs-01", "fs-02", "spare-1");
    static final String ADMIN_TOKEN = "soak-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PORT_BASE = 24000;

    private final Path jar;
    private final Path dir;
    private final String gatewayHeap;
    private final Map<String, ManagedProcess> islands = new LinkedHashMap<>();
    private final Map<String, Integer> islandPorts = new LinkedHashMap<>();
    private final List<ManagedProcess> gateways = new ArrayList<>();
    private final List<Integer> gatewayPorts = new ArrayList<>();
    private int nextPort = PORT_BASE;

    SoakCluster(Path jar, Path dir, String gatewayHeap) {
        this.jar = jar;
        this.dir = dir;
        this.gatewayHeap = gatewayHeap;
    }

    SoakCluster start(int gatewayCount) throws Exception {
        Files.createDirectories(dir);
        int islandMedia = 26000;
        for (String id : ISLANDS) {
            int port = freePort();
            islandPorts.put(id, port);
            List<String> cmd = ProductJar.command(
                    jar,
                    List.of("-Xmx256m"),
                    "island",
                    "--id",
                    id,
                    "--host",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(port),
                    "--media-ports",
                    islandMedia + "-" + (islandMedia + 199));
            islandMedia += 200;
            islands.put(id, new ManagedProcess(id, cmd, dir));
        }
        List<Integer> mediaPorts = new ArrayList<>();
        for (int i = 0; i < gatewayCount; i++) {
            gatewayPorts.add(freePort());
            mediaPorts.add(freePort());
        }
        writeMap();
        for (ManagedProcess p : islands.values()) {
            p.start("Island ready:");
        }
        for (int i = 0; i < gatewayCount; i++) {
            String id = "gw-" + (i + 1);
            Path config = dir.resolve(id + ".json");
            Files.writeString(config, gatewayConfig(id, i, mediaPorts.get(i)));
            ManagedProcess gw = new ManagedProcess(
                    id,
                    ProductJar.command(
                            jar,
                            List.of("-Xmx" + gatewayHeap, "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError"),
                            "gateway",
                            "--config",
                            config.toString()),
                    dir);
            gateways.add(gw);
            gw.start("Gateway ready:");
        }
        return this;
    }

    /** A production-shaped configuration on loopback: default limits, an admin token, media relayed. */
    private String gatewayConfig(String id, int index, int mediaPort) throws IOException {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id);
        c.put("mode", "demo");
        c.putObject("listen").put("host", "127.0.0.1").put("port", gatewayPorts.get(index));
        c.put("partitionMap", "map.json");
        c.put("dataDir", "data");
        ArrayNode endpoints = c.putArray("publicEndpoints");
        gatewayPorts.forEach(p -> endpoints.add("wss://localhost:" + p + "/verto"));
        c.putObject("health").put("intervalMs", 500).put("downAfter", 3).put("upAfter", 2);
        c.putObject("admin").put("token", ADMIN_TOKEN);
        c.putObject("media")
                .put("browserPort", mediaPort)
                .put("bindAddress", "127.0.0.1")
                .put("islandPortMin", 27000 + index * 500)
                .put("islandPortMax", 27000 + index * 500 + 499);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(c);
    }

    private void writeMap() throws IOException {
        ObjectNode map = JSON.createObjectNode();
        map.put("version", 1);
        map.put("partitionBy", "extension");
        ArrayNode list = map.putArray("islands");
        for (String id : ISLANDS) {
            ObjectNode i = list.addObject();
            i.put("id", id);
            i.put("verto", "ws://127.0.0.1:" + islandPorts.get(id) + "/");
            if (id.startsWith("spare")) {
                i.put("role", "spare");
            }
        }
        Files.writeString(mapFile(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(map));
    }

    Path mapFile() {
        return dir.resolve("map.json");
    }

    int gatewayCount() {
        return gateways.size();
    }

    URI wss(int index) {
        return URI.create("wss://localhost:" + gatewayPorts.get(index) + "/verto");
    }

    int port(int index) {
        return gatewayPorts.get(index);
    }

    ManagedProcess gateway(int index) {
        return gateways.get(index);
    }

    ManagedProcess island(String id) {
        return islands.get(id);
    }

    /** The process of a component by name ({@code gw-1}, {@code fs-01}, ...). */
    ManagedProcess component(String name) {
        if (name.startsWith("gw-")) {
            return gateways.get(Integer.parseInt(name.substring(3)) - 1);
        }
        return islands.get(name);
    }

    /** Starts a killed component again at its address, retrying while its port is not yet free. */
    void restart(String name) throws Exception {
        ManagedProcess p = component(name);
        AssertionError last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                p.start(name.startsWith("gw-") ? "Gateway ready:" : "Island ready:");
                return;
            } catch (AssertionError e) {
                last = e;
                p.kill();
            }
        }
        throw last;
    }

    /** A port free now for TCP and UDP, from a range below the ephemeral one. */
    private synchronized int freePort() throws IOException {
        while (nextPort < PORT_BASE + 900) {
            int port = nextPort++;
            try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
                    DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException busy) {
                // try the next
            }
        }
        throw new IOException("no free port in " + PORT_BASE + "-" + (PORT_BASE + 899));
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
