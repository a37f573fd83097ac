package org.vertogw.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A three-member etcd v3 cluster of Debian's {@code /usr/bin/etcd} (3.4) on free loopback ports, each member in a
 * fresh data directory, for the fleet's tests: members can be killed (SIGKILL, by PID) and restarted on the same
 * ports and data, and the whole cluster is removed by {@link #close}.
 */
public final class EtcdCluster implements AutoCloseable {

    public static final Path BINARY = Path.of(System.getProperty("etcd.binary", "/usr/bin/etcd"));

    private final Path root;
    private final List<Member> members = new ArrayList<>();

    private record Member(String name, int clientPort, int peerPort, ManagedProcess process) {
        String clientUrl() {
            return "http://127.0.0.1:" + clientPort;
        }
    }

    private EtcdCluster(Path root) {
        this.root = root;
    }

    /** Whether the etcd binary is installed (the fleet's tests need it; test.sh installs etcd-server). */
    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Starts {@code size} members and returns once every one answers its health endpoint. */
    public static EtcdCluster start(int size) throws IOException {
        EtcdCluster c = new EtcdCluster(Files.createTempDirectory("etcd-cluster"));
        List<int[]> ports = new ArrayList<>();
        StringBuilder initial = new StringBuilder();
        for (int i = 0; i < size; i++) {
            int[] p = {freePort(), freePort()};
            ports.add(p);
            initial.append(i == 0 ? "" : ",")
                    .append("m")
                    .append(i)
                    .append("=http://127.0.0.1:")
                    .append(p[1]);
        }
        for (int i = 0; i < size; i++) {
            String name = "m" + i;
            int[] p = ports.get(i);
            List<String> cmd = List.of(
                    BINARY.toString(),
                    "--name=" + name,
                    "--data-dir=" + c.root.resolve(name + ".etcd"),
                    "--listen-client-urls=http://127.0.0.1:" + p[0],
                    "--advertise-client-urls=http://127.0.0.1:" + p[0],
                    "--listen-peer-urls=http://127.0.0.1:" + p[1],
                    "--initial-advertise-peer-urls=http://127.0.0.1:" + p[1],
                    "--initial-cluster=" + initial,
                    "--initial-cluster-state=new",
                    "--initial-cluster-token=verto-test",
                    "--heartbeat-interval=50",
                    "--election-timeout=500");
            c.members.add(new Member(name, p[0], p[1], new ManagedProcess("etcd-" + name, cmd, c.root)));
        }
        for (Member m : c.members) {
            m.process.start("etcd Version");
        }
        for (int i = 0; i < size; i++) {
            c.awaitHealthy(i);
        }
        return c;
    }

    /** Every member's client URL, in member order. */
    public List<String> endpoints() {
        return members.stream().map(Member::clientUrl).toList();
    }

    public String endpoint(int member) {
        return members.get(member).clientUrl();
    }

    /** SIGKILL of one member, by its PID. */
    public void kill(int member) throws InterruptedException {
        members.get(member).process.kill();
    }

    /** Starts a killed member again on its ports and data, and waits until it is healthy. */
    public void restart(int member) throws IOException {
        members.get(member).process.start("etcd Version");
        awaitHealthy(member);
    }

    /** SIGKILL of every member: the whole cluster is gone. */
    public void killAll() throws InterruptedException {
        for (int i = 0; i < members.size(); i++) {
            kill(i);
        }
    }

    /** Starts every member again on its ports and data, and waits until each is healthy (quorum is back). */
    public void startAll() throws IOException {
        for (Member m : members) {
            m.process.start("etcd Version");
        }
        for (int i = 0; i < members.size(); i++) {
            awaitHealthy(i);
        }
    }

    /** Waits until {@code member} answers {@code /health} with {@code "health":"true"} (it then has a leader). */
    public void awaitHealthy(int member) {
        Member m = members.get(member);
        Await.until(
                m.name + " healthy",
                Duration.ofSeconds(60),
                () -> healthy(m),
                () -> String.join(
                        "\n",
                        m.process
                                .output()
                                .subList(
                                        Math.max(0, m.process.output().size() - 20),
                                        m.process.output().size())));
    }

    private static boolean healthy(Member m) {
        try {
            HttpURLConnection c = (HttpURLConnection)
                    URI.create(m.clientUrl() + "/health").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(1000);
            try {
                return c.getResponseCode() == 200
                        && new String(c.getInputStream().readAllBytes()).contains("\"true\"");
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Member m : members) {
            m.process.kill();
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
