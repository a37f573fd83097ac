package org.vertogw.bench.signaling;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
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
        this.process = new ManagedProcess(
                "server", ProductJar.command(jar, List.of("-Xms512m", "-Xmx2g", "-XX:+UseG1GC"), args), null);
    }

    /** Starts it; the first group of the ready line. */
    String awaitReady() throws IOException {
        return process.start(readyRegex);
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
