import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

final class SelectorForwarder extends MmsgLever.SharedPort {
    private DatagramChannel ch;
    private Selector selector;
    private int[] peer;
    private InetSocketAddress[] to;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(2048);

    public String name() {
        return "2. shared port, selector, receive + send";
    }

    int bind() throws Exception {
        ch = DatagramChannel.open(StandardProtocolFamily.INET);
        ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ch.configureBlocking(false);
        selector = Selector.open();
        ch.register(selector, SelectionKey.OP_READ);
        return ((InetSocketAddress) ch.getLocalAddress()).getPort();
    }

    void route(int[] peer) {
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
