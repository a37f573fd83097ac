import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What batching system calls would save a relay thread: one UDP port that forwards every datagram to its call's
 * other end, as the gateway's shared port does, measured two ways in the same run under the same load. First with
 * a selector and one receive and one send per datagram (the product's media loop, and the do-nothing forwarder of
 * RelayLoadBench); then with recvmmsg(2) and sendmmsg(2) through the foreign function API (Java 22 and later),
 * blocking in recvmmsg with MSG_WAITFORONE instead of waiting in epoll, up to 64 datagrams per call. The forwarding
 * thread's CPU time (user + kernel) per forwarded datagram is the figure; neither variant does any SRTP.
 *
 * <p>Run with Java 22 or later, from the repository: {@code java --enable-native-access=ALL-UNNAMED
 * bench/relay/mmsg/MmsgLever.java [calls] [seconds]}. Linux x86-64 only (the structure layouts below).
 */
public final class MmsgLever {

    private static final int PAYLOAD = 172;
    private static final int BATCH = 64;
    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final int MSG_WAITFORONE = 0x10000;
    private static final int SOCKADDR = 16;
    private static final int IOVEC = 16;
    /** struct mmsghdr on x86-64: a 56-byte msghdr and the length, padded to 64. */
    private static final int MMSGHDR = 64;

    public static void main(String[] args) throws Throwable {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.printf(Locale.ROOT, "%d calls, 50 datagrams/s each way per call, %d s per variant%n", calls, seconds);
        double perPacket = run(new SelectorForwarder(), calls, seconds);
        double batched = run(new MmsgForwarder(), calls, seconds);
        System.out.printf(Locale.ROOT, "recvmmsg/sendmmsg over selector + receive/send: %.2f%n", batched / perPacket);
    }

    /** Runs one forwarder under the load of {@code calls} calls; prints and returns its µs of CPU per datagram. */
    private static double run(Forwarder f, int calls, int seconds) throws Throwable {
        InetAddress lo = InetAddress.getLoopbackAddress();
        int port = f.bind();
        Load load = new Load(calls, new InetSocketAddress(lo, port));
        f.route(load.routes());
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
                "%-34s %,d datagrams forwarded, %.2f µs CPU each, load lost %.2f %%%n",
                f.name(),
                forwarded,
                us,
                load.lossPercent());
        return us;
    }

    /** One forwarding thread's work: forward what arrived (blocking briefly when nothing did). */
    interface Forwarder {
        String name();

        int bind() throws Throwable;

        /** {@code peer[p]}: the port to forward a datagram from port {@code p} to. */
        void route(int[] peer);

        int forwardSome() throws Throwable;

        void close() throws Throwable;
    }

    static final class SelectorForwarder implements Forwarder {
        private DatagramChannel ch;
        private Selector selector;
        private int[] peer;
        private InetSocketAddress[] to;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(2048);

        public String name() {
            return "selector, receive + send each";
        }

        public int bind() throws Exception {
            ch = DatagramChannel.open(StandardProtocolFamily.INET);
            ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ch.configureBlocking(false);
            selector = Selector.open();
            ch.register(selector, SelectionKey.OP_READ);
            return ((InetSocketAddress) ch.getLocalAddress()).getPort();
        }

        public void route(int[] peer) {
            this.peer = peer;
            to = new InetSocketAddress[65536];
            for (int p = 0; p < peer.length; p++) {
                if (peer[p] != 0) {
                    to[p] = new InetSocketAddress(InetAddress.getLoopbackAddress(), peer[p]);
                }
            }
        }

        public int forwardSome() throws Exception {
            if (selector.select(100) == 0) {
                return 0;
            }
            selector.selectedKeys().clear();
            int n = 0;
            for (InetSocketAddress from; (from = (InetSocketAddress) ch.receive(buf.clear())) != null; ) {
                InetSocketAddress dst = to[from.getPort()];
                if (dst != null) {
                    ch.send(buf.flip(), dst);
                    n++;
                }
            }
            return n;
        }

        public void close() throws Exception {
            selector.close();
            ch.close();
        }
    }

    static final class MmsgForwarder implements Forwarder {
        private static final Linker C = Linker.nativeLinker();
        private static final MethodHandle SOCKET = fn("socket", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
        private static final MethodHandle BIND = fn("bind", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.JAVA_INT);
        private static final MethodHandle GETSOCKNAME = fn("getsockname", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.ADDRESS);
        private static final MethodHandle RECVMMSG = fn("recvmmsg", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS);
        private static final MethodHandle SENDMMSG = fn("sendmmsg", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
        private static final MethodHandle CLOSE = fn("close", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);

        private final Arena arena = Arena.ofShared();
        private final MemorySegment in = vector();
        private final MemorySegment out = vector();
        private final MemorySegment inNames = arena.allocate((long) SOCKADDR * BATCH, 8);
        private final MemorySegment outNames = arena.allocate((long) SOCKADDR * BATCH, 8);
        private final MemorySegment data = arena.allocate(2048L * BATCH, 8);
        private final MemorySegment outIov = arena.allocate((long) IOVEC * BATCH, 8);
        private int fd;
        private int[] peer;

        private static MethodHandle fn(String name, ValueLayout ret, ValueLayout... params) {
            return C.downcallHandle(C.defaultLookup().find(name).orElseThrow(), FunctionDescriptor.of(ret, params));
        }

        private MemorySegment vector() {
            return arena.allocate((long) MMSGHDR * BATCH, 8);
        }

        public String name() {
            return "recvmmsg + sendmmsg, up to " + BATCH;
        }

        public int bind() throws Throwable {
            fd = (int) SOCKET.invokeExact(AF_INET, SOCK_DGRAM, 0);
            MemorySegment sa = arena.allocate(SOCKADDR, 8);
            sa.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET);
            sa.set(ValueLayout.JAVA_BYTE, 4, (byte) 127);
            sa.set(ValueLayout.JAVA_BYTE, 7, (byte) 1);
            if ((int) BIND.invokeExact(fd, sa, SOCKADDR) != 0) {
                throw new IllegalStateException("bind failed");
            }
            MemorySegment len = arena.allocate(ValueLayout.JAVA_INT);
            len.set(ValueLayout.JAVA_INT, 0, SOCKADDR);
            int rc = (int) GETSOCKNAME.invokeExact(fd, sa, len);
            if (rc != 0) {
                throw new IllegalStateException("getsockname failed");
            }
            MemorySegment iov = arena.allocate((long) IOVEC * BATCH, 8);
            for (int i = 0; i < BATCH; i++) {
                MemorySegment v = iov.asSlice((long) IOVEC * i, IOVEC);
                v.set(ValueLayout.ADDRESS, 0, data.asSlice(2048L * i, 2048));
                v.set(ValueLayout.JAVA_LONG, 8, 2048);
                header(in, i, inNames, v);
                header(out, i, outNames, outIov.asSlice((long) IOVEC * i, IOVEC));
            }
            return Short.toUnsignedInt(Short.reverseBytes(sa.get(ValueLayout.JAVA_SHORT, 2)));
        }

        /** msghdr i of {@code vec}: name buffer i, one iovec. */
        private static void header(MemorySegment vec, int i, MemorySegment names, MemorySegment iov) {
            long h = (long) MMSGHDR * i;
            vec.set(ValueLayout.ADDRESS, h, names.asSlice((long) SOCKADDR * i, SOCKADDR));
            vec.set(ValueLayout.JAVA_INT, h + 8, SOCKADDR);
            vec.set(ValueLayout.ADDRESS, h + 16, iov);
            vec.set(ValueLayout.JAVA_LONG, h + 24, 1);
        }

        public void route(int[] peer) {
            this.peer = peer;
        }

        public int forwardSome() throws Throwable {
            for (int i = 0; i < BATCH; i++) {
                in.set(ValueLayout.JAVA_INT, (long) MMSGHDR * i + 8, SOCKADDR);
            }
            int n = (int) RECVMMSG.invokeExact(fd, in, BATCH, MSG_WAITFORONE, MemorySegment.NULL);
            if (n <= 0) {
                return 0;
            }
            int m = 0;
            for (int i = 0; i < n; i++) {
                long name = (long) SOCKADDR * i;
                int from = Short.toUnsignedInt(Short.reverseBytes(inNames.get(ValueLayout.JAVA_SHORT, name + 2)));
                int to = peer[from];
                if (to == 0) {
                    continue;
                }
                long len = in.get(ValueLayout.JAVA_INT, (long) MMSGHDR * i + 56);
                // the datagram stays where it was received: out[m] points at buffer i, with its own length
                long v = (long) IOVEC * m;
                outIov.set(ValueLayout.ADDRESS, v, data.asSlice(2048L * i, 2048));
                outIov.set(ValueLayout.JAVA_LONG, v + 8, len);
                long dst = (long) SOCKADDR * m;
                outNames.set(ValueLayout.JAVA_SHORT, dst, (short) AF_INET);
                outNames.set(ValueLayout.JAVA_SHORT, dst + 2, Short.reverseBytes((short) to));
                outNames.set(ValueLayout.JAVA_INT, dst + 4, inNames.get(ValueLayout.JAVA_INT, name + 4));
                m++;
            }
            if (m > 0) {
                int sent = (int) SENDMMSG.invokeExact(fd, out, m, 0);
                return Math.max(sent, 0);
            }
            return 0;
        }

        public void close() throws Throwable {
            int rc = (int) CLOSE.invokeExact(fd);
            if (rc != 0) {
                throw new IllegalStateException("close failed");
            }
            arena.close();
        }
    }

    /**
     * {@code calls} pairs of sockets: the browser end sends a datagram every 20 ms to the forwarder, the island end
     * sends back each one it receives; the browser end counts what comes back. Runs on a thread of its own.
     */
    static final class Load {
        private final List<DatagramChannel> browsers = new ArrayList<>();
        private final List<DatagramChannel> islands = new ArrayList<>();
        private final InetSocketAddress forwarder;
        private final AtomicBoolean stop = new AtomicBoolean();
        private long sent;
        private long back;
        private Thread thread;

        Load(int calls, InetSocketAddress forwarder) throws Exception {
            this.forwarder = forwarder;
            for (int i = 0; i < calls; i++) {
                browsers.add(open());
                islands.add(open());
            }
        }

        private static DatagramChannel open() throws Exception {
            DatagramChannel c = DatagramChannel.open(StandardProtocolFamily.INET);
            c.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            c.configureBlocking(false);
            return c;
        }

        int[] routes() throws Exception {
            int[] peer = new int[65536];
            for (int i = 0; i < browsers.size(); i++) {
                int b = ((InetSocketAddress) browsers.get(i).getLocalAddress()).getPort();
                int s = ((InetSocketAddress) islands.get(i).getLocalAddress()).getPort();
                peer[b] = s;
                peer[s] = b;
            }
            return peer;
        }

        void start() {
            thread = new Thread(this::run, "load");
            thread.start();
        }

        private void run() {
            ByteBuffer buf = ByteBuffer.allocateDirect(2048);
            long next = System.nanoTime();
            try (Selector selector = Selector.open()) {
                for (DatagramChannel s : islands) {
                    s.register(selector, SelectionKey.OP_READ, Boolean.TRUE);
                }
                for (DatagramChannel b : browsers) {
                    b.register(selector, SelectionKey.OP_READ, Boolean.FALSE);
                }
                while (!stop.get()) {
                    long wait = next - System.nanoTime();
                    if (wait <= 0) {
                        for (DatagramChannel b : browsers) {
                            b.send(buf.clear().limit(PAYLOAD), forwarder);
                            sent++;
                        }
                        next += 20_000_000L;
                        continue;
                    }
                    if (selector.select(Math.max(1, wait / 1_000_000)) == 0) {
                        continue;
                    }
                    for (SelectionKey k : selector.selectedKeys()) {
                        DatagramChannel c = (DatagramChannel) k.channel();
                        boolean island = (Boolean) k.attachment();
                        while (c.receive(buf.clear()) != null) {
                            if (island) {
                                c.send(buf.flip(), forwarder);
                            } else {
                                back++;
                            }
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void stop() throws Exception {
            stop.set(true);
            thread.join(5000);
            for (DatagramChannel c : browsers) {
                c.close();
            }
            for (DatagramChannel c : islands) {
                c.close();
            }
        }

        double lossPercent() {
            return sent == 0 ? 0 : Math.max(0, 100.0 * (sent - back) / sent);
        }
    }
}
