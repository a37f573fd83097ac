package org.vertogw.bench.relay;

import java.lang.management.ManagementFactory;

/** CPU time and allocated bytes of one thread, read through the JVM's thread MXBean. */
final class ThreadMeter {

    private static final com.sun.management.ThreadMXBean MX = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final long threadId;

    ThreadMeter(Thread t) {
        this.threadId = t.getId();
        MX.setThreadCpuTimeEnabled(true);
        MX.setThreadAllocatedMemoryEnabled(true);
    }

    /** The first live thread whose name starts with {@code prefix}. */
    static Thread find(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no thread named " + prefix + "*"));
    }

    long cpuNanos() {
        return MX.getThreadCpuTime(threadId);
    }

    long allocatedBytes() {
        return MX.getThreadAllocatedBytes(threadId);
    }
}
