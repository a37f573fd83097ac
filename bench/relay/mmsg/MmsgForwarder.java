import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

final class MmsgForwarder extends MmsgLever.SharedPort {
    private static final int BATCH = 64;
    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final int MSG_WAITFORONE = 0x10000;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int SOCKADDR = 16;
    private static final int IOVEC = 16;
    /** struct mmsghdr on x86-64: a 56-byte msghdr and the length, padded to 64. */
    private static final int MMSGHDR = 64;

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
    /** Waits in a selector over a JDK channel, as a media loop serving other sockets too would. */
    private final boolean selected;
    private DatagramChannel ch;
    private Selector selector;

    MmsgForwarder(boolean selected) {
        this.selected = selected;
    }

    private static MethodHandle fn(String name, ValueLayout ret, ValueLayout... params) {
        return C.downcallHandle(C.defaultLookup().find(name).orElseThrow(), FunctionDescriptor.of(ret, params));
    }

    private MemorySegment vector() {
        return arena.allocate((long) MMSGHDR * BATCH, 8);
    }

    public String name() {
        return selected ? "4. shared port, selector, recvmmsg" : "3. shared port, recvmmsg blocking";
    }

    int bind() throws Throwable {
        MemorySegment sa = arena.allocate(SOCKADDR, 8);
        if (selected) {
            ch = DatagramChannel.open(StandardProtocolFamily.INET);
            ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ch.configureBlocking(false);
            selector = Selector.open();
            ch.register(selector, SelectionKey.OP_READ);
            // the channel's descriptor: sun.nio.ch.SelChImpl#getFDVal (needs --add-opens java.base/sun.nio.ch)
            java.lang.reflect.Method fdVal = ch.getClass().getMethod("getFDVal");
            fdVal.setAccessible(true);
            fd = (int) fdVal.invoke(ch);
            prepare();
            return ((InetSocketAddress) ch.getLocalAddress()).getPort();
        }
        fd = (int) SOCKET.invokeExact(AF_INET, SOCK_DGRAM, 0);
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
        prepare();
        return Short.toUnsignedInt(Short.reverseBytes(sa.get(ValueLayout.JAVA_SHORT, 2)));
    }

    private void prepare() {
        MemorySegment iov = arena.allocate((long) IOVEC * BATCH, 8);
        for (int i = 0; i < BATCH; i++) {
            MemorySegment v = iov.asSlice((long) IOVEC * i, IOVEC);
            v.set(ValueLayout.ADDRESS, 0, data.asSlice(2048L * i, 2048));
            v.set(ValueLayout.JAVA_LONG, 8, 2048);
            header(in, i, inNames, v);
            header(out, i, outNames, outIov.asSlice((long) IOVEC * i, IOVEC));
        }
    }

    /** msghdr i of {@code vec}: name buffer i, one iovec. */
    private static void header(MemorySegment vec, int i, MemorySegment names, MemorySegment iov) {
        long h = (long) MMSGHDR * i;
        vec.set(ValueLayout.ADDRESS, h, names.asSlice((long) SOCKADDR * i, SOCKADDR));
        vec.set(ValueLayout.JAVA_INT, h + 8, SOCKADDR);
        vec.set(ValueLayout.ADDRESS, h + 16, iov);
        vec.set(ValueLayout.JAVA_LONG, h + 24, 1);
    }

    void route(int[] peer) {
        this.peer = peer;
    }

    public int forwardSome() throws Throwable {
        if (!selected) {
            return batch(MSG_WAITFORONE);
        }
        if (selector.select(100) == 0) {
            return 0;
        }
        selector.selectedKeys().clear();
        // one batch per wake-up: the selector is level-triggered, so what is left wakes it again at once
        return batch(MSG_DONTWAIT);
    }

    /** One recvmmsg and one sendmmsg; the datagrams forwarded. */
    private int batch(int flags) throws Throwable {
        for (int i = 0; i < BATCH; i++) {
            in.set(ValueLayout.JAVA_INT, (long) MMSGHDR * i + 8, SOCKADDR);
        }
        int n = (int) RECVMMSG.invokeExact(fd, in, BATCH, flags, MemorySegment.NULL);
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
        if (selected) {
            selector.close();
            ch.close();
            arena.close();
            return;
        }
        int rc = (int) CLOSE.invokeExact(fd);
        if (rc != 0) {
            throw new IllegalStateException("close failed");
        }
        arena.close();
    }
}
