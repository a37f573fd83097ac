package org.vertogw.bench.relay;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time and allocated bytes of one thread, read through the JVM's thread MXBean, and on Linux its split into
 * user and kernel time from {@code /proc/self/task/TID/stat} (clock ticks, so only meaningful over seconds): the
 * kernel part is the system calls and the network stack, the user part is our code and the JDK's.
 */
final class ThreadMeter {

    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final long threadId;
    private final Path stat;

    ThreadMeter(Thread t) {
        this.threadId = t.getId();
        this.stat = statOf(t.getName());
        MX.setThreadCpuTimeEnabled(true);
        MX.setThreadAllocatedMemoryEnabled(true);
    }

    /** The first live thread whose name starts with {@code prefix}. */
    static Thread find(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no thread named " + prefix + "*"));
    }

    long cpuNanos() {
        return MX.getThreadCpuTime(threadId);
    }

    long allocatedBytes() {
        return MX.getThreadAllocatedBytes(threadId);
    }

    /** Kernel-mode CPU of the thread in nanoseconds (tick resolution), or -1 where /proc cannot tell. */
    long kernelNanos() {
        if (stat == null) {
            return -1;
        }
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[12]) * NANOS_PER_TICK; // field 15, stime
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The task whose comm is the thread's name (the kernel keeps 15 characters); null when not unique. */
    private static Path statOf(String name) {
        String comm = name.length() > 15 ? name.substring(0, 15) : name;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            Path[] found = tasks.filter(t -> {
                        try {
                            return Files.readString(t.resolve("comm")).trim().equals(comm);
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .toArray(Path[]::new);
            return found.length == 1 ? found[0].resolve("stat") : null;
        } catch (IOException e) {
            return null;
        }
    }
}
