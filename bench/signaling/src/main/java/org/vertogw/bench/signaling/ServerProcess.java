package org.vertogw.bench.signaling;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.vertogw.testing.ManagedProcess;
import org.vertogw.testing.ProductJar;

/**
 * A server under test in its own JVM (the product's jar, started as the launcher starts it), so its heap and RSS
 * are its own. Heap is read through the attach API and JMX after a full GC; RSS from {@code /proc}.
 */
final class ServerProcess implements AutoCloseable {

    private final ManagedProcess process;
    private final String readyRegex;
    private JMXConnector jmx;

    ServerProcess(Path jar, String readyRegex, String... args) {
        this.readyRegex = readyRegex;
        this.process = new ManagedProcess("server", ProductJar.command(jar, jvmOptions(), args), null);
    }

    /** The heap settings, then whatever {@code -Dbench.serverJvm} adds (space-separated). */
    private static List<String> jvmOptions() {
        List<String> out = new java.util.ArrayList<>(List.of("-Xms512m", "-Xmx2g", "-XX:+UseG1GC"));
        String extra = System.getProperty("bench.serverJvm", "").trim();
        if (!extra.isEmpty()) {
            out.addAll(List.of(extra.split("\\s+")));
        }
        return out;
    }

    /** {@code jcmd PID VM.native_memory ARG} (the server must run with {@code -XX:NativeMemoryTracking=summary}). */
    String nativeMemory(String arg) throws Exception {
        return jcmd("VM.native_memory", arg);
    }

    /** The output of {@code jcmd PID COMMAND...}, with the bench's own JDK. */
    private String jcmd(String... command) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(process.pid())));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    /** Bytes and instances per class, from {@code jcmd PID GC.class_histogram} (which runs a full GC first). */
    java.util.Map<String, long[]> histogram() throws Exception {
        java.util.Map<String, long[]> out = new java.util.HashMap<>();
        for (String l : jcmd("GC.class_histogram").lines().toList()) {
            String[] f = l.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                out.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return out;
    }

    /** The {@code top} classes that grew most from {@code before} to {@code after}, per unit of {@code per}. */
    static String growth(java.util.Map<String, long[]> before, java.util.Map<String, long[]> after, int per, int top) {
        StringBuilder b = new StringBuilder(
                String.format(java.util.Locale.ROOT, "%12s %12s  %s%n", "B/session", "inst/session", "class"));
        after.entrySet().stream()
                .map(e -> {
                    long[] was = before.getOrDefault(e.getKey(), new long[2]);
                    return java.util.Map.entry(
                            e.getKey(), new long[] {e.getValue()[0] - was[0], e.getValue()[1] - was[1]});
                })
                .sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]))
                .limit(top)
                .forEach(e -> b.append(String.format(
                        java.util.Locale.ROOT,
                        "%12.1f %12.2f  %s%n",
                        e.getValue()[1] / (double) per,
                        e.getValue()[0] / (double) per,
                        e.getKey())));
        return b.toString();
    }

    /** Starts it; the first group of the ready line. */
    String awaitReady() throws IOException {
        return process.start(readyRegex);
    }

    long pid() {
        return process.pid();
    }

    private MBeanServerConnection mbeans() throws Exception {
        if (jmx == null) {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(process.pid()));
            String address = vm.startLocalManagementAgent();
            vm.detach();
            jmx = JMXConnectorFactory.connect(new JMXServiceURL(address));
        }
        return jmx.getMBeanServerConnection();
    }

    /** CPU time the process has used (all its threads, user and kernel), ns. */
    long cpuNanos() throws Exception {
        return ManagementFactory.newPlatformMXBeanProxy(
                        mbeans(),
                        ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
                        com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
    }

    /** Time the JIT compilers have spent so far, ms: compiling during a measurement means it is not yet warm. */
    long compileMillis() throws Exception {
        return ManagementFactory.newPlatformMXBeanProxy(
                        mbeans(), ManagementFactory.COMPILATION_MXBEAN_NAME, CompilationMXBean.class)
                .getTotalCompilationTime();
    }

    /** Heap used after a full GC, bytes. */
    long heapAfterGc() throws Exception {
        MBeanServerConnection c = mbeans();
        MemoryMXBean mem =
                ManagementFactory.newPlatformMXBeanProxy(c, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
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
        process.close();
    }
}
