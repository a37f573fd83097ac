package org.vertogw.e2e.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace of its own for a browser, joined to ours by a veth pair on a 198.18.0.0/15 /30 (the
 * benchmarking range: no real host has it, and Chromium gathers candidates on it as on any adapter), with no other
 * route: the browser reaches the gateway at {@link #gatewayAddress()} and nothing else. {@link #blockUdp()} makes
 * its nftables drop every UDP packet toward the gateway, as a corporate firewall would. Needs root, {@code ip} and
 * {@code nft}; everything it made goes when it is closed.
 */
public final class BrowserNetwork implements AutoCloseable {

    private final String namespace;
    private final String gatewayAddress;
    private final String browserAddress;
    private final Path chromium;
    private boolean created;

    private BrowserNetwork(Path dir) {
        int n = ThreadLocalRandom.current().nextInt(1 << 14);
        this.namespace = "vgw-browser-" + n;
        int third = n >> 6;
        int fourth = (n & 63) * 4;
        this.gatewayAddress = "198.18." + third + "." + (fourth + 1);
        this.browserAddress = "198.18." + third + "." + (fourth + 2);
        this.chromium = dir.resolve("chromium-in-" + namespace + ".sh");
    }

    /** Whether this machine can make one: root, with {@code ip} and {@code nft}. */
    public static boolean available() {
        return "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/sbin/ip"))
                && Files.isExecutable(Path.of("/usr/sbin/nft"));
    }

    public static BrowserNetwork create(Path dir) throws IOException, InterruptedException {
        BrowserNetwork b = new BrowserNetwork(dir);
        try {
            b.setUp();
        } catch (IOException | InterruptedException | RuntimeException e) {
            b.close();
            throw e;
        }
        return b;
    }

    private void setUp() throws IOException, InterruptedException {
        String host = "vgwb" + namespace.substring(namespace.lastIndexOf('-') + 1) + "h";
        String peer = host.substring(0, host.length() - 1) + "p";
        run("ip", "netns", "add", namespace);
        created = true;
        run("ip", "link", "add", host, "type", "veth", "peer", "name", peer, "netns", namespace);
        run("ip", "addr", "add", gatewayAddress + "/30", "dev", host);
        run("ip", "link", "set", host, "up");
        run("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up");
        run("ip", "netns", "exec", namespace, "ip", "addr", "add", browserAddress + "/30", "dev", peer);
        run("ip", "netns", "exec", namespace, "ip", "link", "set", peer, "up");
        Files.writeString(
                chromium,
                "#!/bin/sh\nexec /usr/sbin/ip netns exec " + namespace + " /usr/bin/chromium \"$@\"\n",
                StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(chromium, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Drops UDP from the browser's namespace to the gateway (its output hook), TCP still passing. */
    public void blockUdp() throws IOException, InterruptedException {
        run("ip", "netns", "exec", namespace, "nft", "add", "table", "inet", "firewall");
        run(
                "ip",
                "netns",
                "exec",
                namespace,
                "nft",
                "add",
                "chain",
                "inet",
                "firewall",
                "out",
                "{ type filter hook output priority 0 ; }");
        run(
                "ip",
                "netns",
                "exec",
                namespace,
                "nft",
                "add",
                "rule",
                "inet",
                "firewall",
                "out",
                "ip",
                "daddr",
                gatewayAddress,
                "meta",
                "l4proto",
                "udp",
                "counter",
                "drop");
    }

    /** UDP packets the firewall dropped so far (the browser did try UDP). */
    public long udpDropped() throws IOException, InterruptedException {
        String rules = run("ip", "netns", "exec", namespace, "nft", "list", "chain", "inet", "firewall", "out");
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("packets (\\d+)").matcher(rules);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** The address on our side: where the gateway listens and what it advertises. */
    public String gatewayAddress() {
        return gatewayAddress;
    }

    /** The script chromedriver starts as the browser binary: Chromium inside the namespace. */
    public String chromium() {
        return chromium.toString();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + ": no answer within 20 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + out.strip());
        }
        return out;
    }

    /** Deletes the namespace (its veth end, the pair and the firewall go with it) and the script. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (created) {
                run("ip", "netns", "delete", namespace);
                created = false;
            }
        } finally {
            Files.deleteIfExists(chromium);
        }
    }
}
