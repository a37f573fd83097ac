package org.vertogw.bench.signaling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.MemoryMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import com.sun.tools.attach.VirtualMachine;

/**
 * A server under test in its own JVM (the product's jar), so its heap and RSS are its own. Heap is read through the
 * attach API and JMX after a full GC; RSS from {@code /proc}.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final Pattern readyLine;
    private JMXConnector jmx;

    ServerProcess(Path jar, String readyRegex, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms512m", "-Xmx2g", "-XX:+UseG1GC", "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        readyLine = Pattern.compile(readyRegex);
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    Matcher m = readyLine.matcher(l);
                    if (m.find()) {
                        ready.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // gone
            }
            ready.completeExceptionally(new IllegalStateException("server exited before it was ready"));
        });
        t.setDaemon(true);
        t.start();
    }

    /** The first group of the ready line. */
    String awaitReady() throws Exception {
        return ready.get(60, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    /** Heap used after a full GC, bytes. */
    long heapAfterGc() throws Exception {
        if (jmx == null) {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(process.pid()));
            String address = vm.startLocalManagementAgent();
            vm.detach();
            jmx = JMXConnectorFactory.connect(new JMXServiceURL(address));
        }
        MBeanServerConnection c = jmx.getMBeanServerConnection();
        MemoryMXBean mem = ManagementFactory.newPlatformMXBeanProxy(c, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        for (int i = 0; i < 3; i++) {
            mem.gc();
        }
        return mem.getHeapMemoryUsage().getUsed();
    }

    /** Resident set size, bytes. */
    long rss() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() throws Exception {
        if (jmx != null) {
            jmx.close();
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
