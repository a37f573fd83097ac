import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code calls} pairs of sockets: the browser end sends a datagram every 20 ms to the forwarder, the island end
 * sends back each one it receives; the browser end counts what comes back. Runs on a thread of its own.
 */
final class Load {
    private static final int PAYLOAD = 172;
    /**
     * With {@code -Dspread=true} the browser ends send one after the other, evenly over each 20 ms, as independent
     * browsers do; by default all of them send at once every 20 ms, which lets one wake-up find many datagrams.
     */
    static final boolean SPREAD = Boolean.getBoolean("spread");

    final List<DatagramChannel> browsers = new ArrayList<>();
    final List<DatagramChannel> islands = new ArrayList<>();
    private InetSocketAddress[] browserDest;
    private InetSocketAddress[] islandDest;
    private final AtomicBoolean stop = new AtomicBoolean();
    private long sent;
    private long back;
    private Thread thread;

    Load(int calls) throws Exception {
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

    int[] ports(List<DatagramChannel> channels) throws Exception {
        int[] ports = new int[channels.size()];
        for (int i = 0; i < ports.length; i++) {
            ports[i] = ((InetSocketAddress) channels.get(i).getLocalAddress()).getPort();
        }
        return ports;
    }

    /** Browser i sends to the forwarder's port {@code browser[i]}, island i echoes to {@code island[i]}. */
    void aim(int[] browser, int[] island) {
        browserDest = new InetSocketAddress[browser.length];
        islandDest = new InetSocketAddress[island.length];
        for (int i = 0; i < browser.length; i++) {
            browserDest[i] = new InetSocketAddress(InetAddress.getLoopbackAddress(), browser[i]);
            islandDest[i] = new InetSocketAddress(InetAddress.getLoopbackAddress(), island[i]);
        }
    }

    void start() {
        thread = new Thread(this::run, "load");
        thread.start();
    }

    private void run() {
        ByteBuffer buf = ByteBuffer.allocateDirect(2048);
        int turn = 0;
        long next = System.nanoTime();
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < islands.size(); i++) {
                islands.get(i).register(selector, SelectionKey.OP_READ, islandDest[i]);
                browsers.get(i).register(selector, SelectionKey.OP_READ, null);
            }
            while (!stop.get()) {
                long wait = next - System.nanoTime();
                if (wait <= 0) {
                    if (SPREAD) {
                        browsers.get(turn).send(buf.clear().limit(PAYLOAD), browserDest[turn]);
                        sent++;
                        turn = turn + 1 == browsers.size() ? 0 : turn + 1;
                        next += 20_000_000L / browsers.size();
                        continue;
                    }
                    for (int i = 0; i < browsers.size(); i++) {
                        browsers.get(i).send(buf.clear().limit(PAYLOAD), browserDest[i]);
                        sent++;
                    }
                    next += 20_000_000L;
                    continue;
                }
                if (SPREAD && wait < 1_000_000L) {
                    // the selector waits in whole milliseconds: below that, poll and park briefly
                    if (selector.selectNow() == 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(Math.min(wait, 50_000L));
                        continue;
                    }
                } else if (selector.select(Math.max(1, wait / 1_000_000)) == 0) {
                    continue;
                }
                for (SelectionKey k : selector.selectedKeys()) {
                    DatagramChannel c = (DatagramChannel) k.channel();
                    InetSocketAddress echoTo = (InetSocketAddress) k.attachment();
                    while (c.receive(buf.clear()) != null) {
                        if (echoTo != null) {
                            c.send(buf.flip(), echoTo);
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
