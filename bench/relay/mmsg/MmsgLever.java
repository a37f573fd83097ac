import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What batching system calls would save a relay thread, measured four ways in the same run under the same load
 * ({@link Load}). First what the gateway's media loop and RelayLoadBench's do-nothing forwarder do: two sockets per
 * call, each connected to its one peer, one selector over all, one read and one write per datagram
 * ({@link ConnectedForwarder}). Then one unconnected UDP port that forwards every datagram to its call's other end,
 * looked up by source port: with a selector and one receive and one send per datagram ({@link SelectorForwarder});
 * and with recvmmsg(2) and sendmmsg(2) through the foreign function API ({@link MmsgForwarder}), blocking in
 * recvmmsg, or waiting in a selector as a media loop serving other sockets would. The forwarding thread's CPU time
 * (user + kernel) per forwarded datagram is the figure; no variant does any SRTP.
 *
 * <p>Run with Java 22 or later (a program of several source files), from the repository: {@code java --add-opens
 * java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED [-Dspread=true]
 * bench/relay/mmsg/MmsgLever.java [calls] [seconds]}. Linux x86-64 only (the structure layouts in MmsgForwarder).
 */
public final class MmsgLever {

    public static void main(String[] args) throws Throwable {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.printf(
                Locale.ROOT,
                "%d calls, 50 datagrams/s each way per call, %s, %d s per variant%n",
                calls,
                Load.SPREAD ? "spread evenly" : "all calls at once every 20 ms",
                seconds);
        double connected = run(new ConnectedForwarder(), calls, seconds);
        double perPacket = run(new SelectorForwarder(), calls, seconds);
        double batched = run(new MmsgForwarder(false), calls, seconds);
        double selected = run(new MmsgForwarder(true), calls, seconds);
        System.out.printf(
                Locale.ROOT,
                "against 1: 2 %.2f, 3 %.2f, 4 %.2f%n",
                perPacket / connected,
                batched / connected,
                selected / connected);
    }

    /** Runs one forwarder under the load of {@code calls} calls; prints and returns its µs of CPU per datagram. */
    private static double run(Forwarder f, int calls, int seconds) throws Throwable {
        InetAddress lo = InetAddress.getLoopbackAddress();
        Load load = new Load(calls);
        int[][] dest = f.open(load.ports(load.browsers), load.ports(load.islands));
        load.aim(dest[0], dest[1]);
        int port = dest[0][0];
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong n = new AtomicLong();
        Thread t = new Thread(() -> {
            try {
                while (!stop.get()) {
                    n.addAndGet(f.forwardSome());
                }
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }, "forwarder");
        t.setDaemon(true);
        t.start();
        load.start();
        var mx = ManagementFactory.getThreadMXBean();
        Thread.sleep(2000); // warm-up: the JIT, the load settling
        long cpu0 = mx.getThreadCpuTime(t.threadId());
        long n0 = n.get();
        Thread.sleep(seconds * 1000L);
        long cpu = mx.getThreadCpuTime(t.threadId()) - cpu0;
        long forwarded = n.get() - n0;
        stop.set(true);
        load.stop();
        try (DatagramChannel wake = DatagramChannel.open(StandardProtocolFamily.INET)) {
            wake.send(ByteBuffer.allocate(1), new InetSocketAddress(lo, port)); // out of a blocking receive
        }
        t.join(5000);
        f.close();
        double us = cpu / 1000.0 / Math.max(1, forwarded);
        System.out.printf(
                Locale.ROOT,
                "%-40s %,d datagrams forwarded, %.2f µs CPU each, load lost %.2f %%%n",
                f.name(),
                forwarded,
                us,
                load.lossPercent());
        return us;
    }

    /** One forwarding thread's work: forward what arrived (blocking briefly when nothing did). */
    interface Forwarder {
        String name();

        /**
         * Gets ready to forward between {@code browser[i]} and {@code island[i]}; returns the forwarder's ports that
         * browser i and island i send to.
         */
        int[][] open(int[] browser, int[] island) throws Throwable;

        int forwardSome() throws Throwable;

        void close() throws Throwable;
    }

    /** A forwarder on one shared, unconnected port that looks up each datagram's other end by its source port. */
    abstract static class SharedPort implements Forwarder {
        abstract int bind() throws Throwable;

        /** {@code peer[p]}: the port to forward a datagram from port {@code p} to. */
        abstract void route(int[] peer);

        public final int[][] open(int[] browser, int[] island) throws Throwable {
            int port = bind();
            int[] peer = new int[65536];
            for (int i = 0; i < browser.length; i++) {
                peer[browser[i]] = island[i];
                peer[island[i]] = browser[i];
            }
            route(peer);
            int[] all = new int[browser.length];
            java.util.Arrays.fill(all, port);
            return new int[][] {all, all};
        }
    }
}
