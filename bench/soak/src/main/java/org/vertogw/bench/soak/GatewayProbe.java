package org.vertogw.bench.soak;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.vertogw.testing.InsecureHttp;

/**
 * What one gateway process holds, read from outside as an operator would: heap through the attach API and JMX,
 * RSS, threads, file descriptors and UDP sockets from {@code /proc/PID}, open sessions and relays from
 * {@code /metrics}. Reconnects after the process was restarted.
 */
final class GatewayProbe implements AutoCloseable {

    /** One reading. Heap figures in bytes; -1 where it could not be read. */
    record Figures(
            long heapAfterGc,
            long heapMax,
            long rss,
            int threads,
            int fds,
            int udpSockets,
            long sessions,
            long relays,
            Map<String, Integer> fdKinds) {}

    private static final HttpClient HTTP = InsecureHttp.client();
    private final URI metrics;
    private long pid = -1;
    private JMXConnector jmx;

    GatewayProbe(int port) {
        this.metrics = URI.create("https://localhost:" + port + "/metrics");
    }

    /** Reads everything; with {@code fullGc} the heap is measured after three full collections. */
    Figures read(long processId, boolean fullGc) {
        long heap = -1;
        long max = -1;
        try {
            MemoryMXBean mem = memory(processId);
            if (fullGc) {
                for (int i = 0; i < 3; i++) {
                    mem.gc();
                }
                heap = mem.getHeapMemoryUsage().getUsed();
            } else {
                heap = heapAfterLastGc(processId);
            }
            max = mem.getHeapMemoryUsage().getMax();
        } catch (Exception e) {
            drop();
        }
        Path proc = Path.of("/proc", Long.toString(processId));
        return new Figures(
                heap,
                max,
                status(proc, "VmRSS:") * 1024,
                (int) status(proc, "Threads:"),
                fds(proc).size(),
                udpSockets(proc),
                metric("verto_gateway_sessions"),
                metric("verto_gateway_media_relays"),
                fdKinds(processId));
    }

    private static final Map<String, String> TCP_STATES = Map.of(
            "01",
            "ESTABLISHED",
            "02",
            "SYN_SENT",
            "04",
            "FIN_WAIT1",
            "05",
            "FIN_WAIT2",
            "06",
            "TIME_WAIT",
            "07",
            "CLOSE",
            "08",
            "CLOSE_WAIT",
            "09",
            "LAST_ACK",
            "0A",
            "LISTEN",
            "0B",
            "CLOSING");

    /**
     * The process's descriptors by kind: TCP sockets by state and side ("edge": accepted on a listening port, from
     * browsers or admin clients; "out": connections the gateway made, to islands),
     * UDP sockets, other sockets (Unix), epoll and event descriptors, pipes, files: where a growth is.
     */
    static Map<String, Integer> fdKinds(long processId) {
        Path proc = Path.of("/proc", Long.toString(processId));
        Map<String, String> sockets = new HashMap<>();
        Set<String> listening = new HashSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            try {
                for (String l : Files.readAllLines(proc.resolve("net").resolve(table))) {
                    String[] f = l.trim().split("\\s+");
                    if (f.length > 3 && f[3].equals("0A")) {
                        listening.add(f[1].substring(f[1].indexOf(':')));
                    }
                }
            } catch (IOException e) {
                // no such table
            }
        }
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            try {
                List<String> lines = Files.readAllLines(proc.resolve("net").resolve(table));
                for (String l : lines.subList(1, lines.size())) {
                    String[] f = l.trim().split("\\s+");
                    if (f.length > 9) {
                        String side = listening.contains(f[1].substring(f[1].indexOf(':'))) ? " edge" : " out";
                        String kind = table.startsWith("udp")
                                ? "udp"
                                : "tcp " + TCP_STATES.getOrDefault(f[3], f[3]) + (f[3].equals("0A") ? "" : side);
                        sockets.put("socket:[" + f[9] + "]", kind);
                    }
                }
            } catch (IOException e) {
                // no such table
            }
        }
        Map<String, Integer> kinds = new TreeMap<>();
        try (DirectoryStream<Path> fd = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path p : fd) {
                try {
                    String t = Files.readSymbolicLink(p).toString();
                    String kind = t.startsWith("socket:")
                            ? sockets.getOrDefault(t, "other socket")
                            : t.startsWith("anon_inode:") ? t : t.startsWith("pipe:") ? "pipe" : "file";
                    kinds.merge(kind, 1, Integer::sum);
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return kinds;
    }

    /** The heap in use after the last collection of each pool (what survived), without forcing one. */
    private long heapAfterLastGc(long processId) throws Exception {
        MBeanServerConnection c = connection(processId);
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getPlatformMXBeans(c, MemoryPoolMXBean.class)) {
            if (pool.getType() == MemoryType.HEAP) {
                MemoryUsage after = pool.getCollectionUsage();
                sum += after == null ? 0 : after.getUsed();
            }
        }
        return sum;
    }

    private MemoryMXBean memory(long processId) throws Exception {
        return ManagementFactory.newPlatformMXBeanProxy(
                connection(processId), ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
    }

    private MBeanServerConnection connection(long processId) throws Exception {
        if (jmx == null || pid != processId) {
            drop();
            VirtualMachine vm = VirtualMachine.attach(Long.toString(processId));
            String address = vm.startLocalManagementAgent();
            vm.detach();
            jmx = JMXConnectorFactory.connect(new JMXServiceURL(address));
            pid = processId;
        }
        return jmx.getMBeanServerConnection();
    }

    private void drop() {
        if (jmx != null) {
            try {
                jmx.close();
            } catch (IOException ignored) {
                // the process is gone
            }
            jmx = null;
        }
    }

    private static long status(Path proc, String key) {
        try {
            for (String l : Files.readAllLines(proc.resolve("status"))) {
                if (l.startsWith(key)) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone
        }
        return -1;
    }

    /** The socket inodes among the process's descriptors (and the count of all of them as the set's size). */
    private static Set<String> fds(Path proc) {
        Set<String> targets = new HashSet<>();
        try (DirectoryStream<Path> fd = Files.newDirectoryStream(proc.resolve("fd"))) {
            int i = 0;
            for (Path p : fd) {
                try {
                    String t = Files.readSymbolicLink(p).toString();
                    targets.add(t.startsWith("socket:") ? t : t + "#" + i++);
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing
                }
            }
        } catch (IOException e) {
            return Set.of();
        }
        return targets;
    }

    /** UDP sockets the process holds: its socket inodes found in /proc/net/udp and udp6. */
    private static int udpSockets(Path proc) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("udp", "udp6")) {
            try {
                List<String> lines = Files.readAllLines(proc.resolve("net").resolve(table));
                for (String l : lines.subList(1, lines.size())) {
                    String[] f = l.trim().split("\\s+");
                    if (f.length > 9) {
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            } catch (IOException e) {
                // no such table
            }
        }
        int n = 0;
        for (String t : fds(proc)) {
            if (inodes.contains(t)) {
                n++;
            }
        }
        return n;
    }

    /** A gauge without labels from /metrics; -1 when the gateway does not answer. */
    long metric(String name) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(metrics)
                            .header("Authorization", "Bearer " + SoakCluster.ADMIN_TOKEN)
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String l : r.body().split("\n")) {
                if (l.startsWith(name + " ")) {
                    return (long)
                            Double.parseDouble(l.substring(name.length() + 1).trim());
                }
            }
        } catch (Exception e) {
            // not answering
        }
        return -1;
    }

    @Override
    public void close() {
        drop();
    }
}
