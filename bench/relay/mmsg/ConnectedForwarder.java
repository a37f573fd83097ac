import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;

/**
 * The product's media loop: two sockets per call, each connected to its one peer, one selector over all of
 * them, one read() per ready socket per selection (level-triggered) and one write() to the other leg's socket.
 */
final class ConnectedForwarder implements MmsgLever.Forwarder {
    private final List<DatagramChannel> channels = new ArrayList<>();
    private Selector selector;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(2048);
    private int n;
    private final java.util.function.Consumer<SelectionKey> onReady = k -> {
        DatagramChannel other = (DatagramChannel) k.attachment();
        try {
            if (((DatagramChannel) k.channel()).read(buf.clear()) > 0 && other.write(buf.flip()) > 0) {
                n++;
            }
        } catch (java.io.IOException e) {
            // an ICMP error from a load socket closed at the end of a variant: nothing to forward
        }
    };

    public String name() {
        return "1. connected sockets, selector (product)";
    }

    public int[][] open(int[] browser, int[] island) throws Exception {
        selector = Selector.open();
        int[][] dest = new int[2][browser.length];
        for (int i = 0; i < browser.length; i++) {
            DatagramChannel b = connected(browser[i]);
            DatagramChannel s = connected(island[i]);
            b.register(selector, SelectionKey.OP_READ, s);
            s.register(selector, SelectionKey.OP_READ, b);
            dest[0][i] = ((InetSocketAddress) b.getLocalAddress()).getPort();
            dest[1][i] = ((InetSocketAddress) s.getLocalAddress()).getPort();
        }
        return dest;
    }

    private DatagramChannel connected(int peer) throws Exception {
        DatagramChannel c = DatagramChannel.open(StandardProtocolFamily.INET);
        c.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        c.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), peer));
        c.configureBlocking(false);
        channels.add(c);
        return c;
    }

    public int forwardSome() throws Exception {
        n = 0;
        selector.select(onReady, 100);
        return n;
    }

    public void close() throws Exception {
        selector.close();
        for (DatagramChannel c : channels) {
            c.close();
        }
    }
}
