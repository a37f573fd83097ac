package org.vertogw.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.vertogw.media.stun.StunDecodeException;
import org.vertogw.media.stun.StunMessage;

/**
 * Every leg checks or answers about once a second for the whole call, so a steady ICE exchange must allocate
 * nothing: agents write into reused writers, readers view the datagram in place, and MESSAGE-INTEGRITY, FINGERPRINT,
 * USERNAME and transaction ids are checked and made without garbage.
 */
class IceCheckAllocationTest {

    private static final long S = 1_000_000_000L;
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 20_000;

    /** One direction of the wire: the sent datagram is copied into a buffer the receiver reads in place. */
    private static final class Wire implements IceOutput {
        final byte[] buf = new byte[1500];
        final StunMessage reader = new StunMessage();
        final InetSocketAddress from;
        IceConnectivity to;
        long now;
        int delivered;

        Wire(InetSocketAddress from) {
            this.from = from;
        }

        @Override
        public void send(byte[] b, int off, int len, InetSocketAddress dst) {
            System.arraycopy(b, off, buf, 0, len);
            IceDiscard d;
            try {
                d = to.handle(reader.wrap(buf, 0, len), from, now);
            } catch (StunDecodeException e) {
                throw new AssertionError(e);
            }
            if (d != IceDiscard.NONE) {
                throw new AssertionError("dropped: " + d);
            }
            delivered++;
        }

        @Override
        public void onSelected(InetSocketAddress address) {}

        @Override
        public void onStateChanged(IceState previous, IceState next) {}
    }

    private final com.sun.management.ThreadMXBean mx =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void islandStyleChecksBothWaysAllocateNothing() {
        InetSocketAddress gatewayAddress = new InetSocketAddress("127.0.0.1", 20000);
        InetSocketAddress islandAddress = new InetSocketAddress("127.0.0.1", 20002);
        Wire toIsland = new Wire(gatewayAddress);
        Wire toGateway = new Wire(islandAddress);
        IceCredentials g = IceCredentials.random();
        IceCredentials i = IceCredentials.random();
        // the gateway's island leg (controlling) and FreeSWITCH's agent, which checks in both roles: two checks and
        // two responses a second
        IceAgent gateway = new IceAgent(g, true, false, IceTimers.DEFAULT, toIsland, 0);
        IceAgent island = new IceAgent(i, false, true, IceTimers.DEFAULT, toGateway, 0);
        gateway.setRemote(i, islandAddress);
        island.setRemote(g, gatewayAddress);
        double perMessage = measure(gateway, toIsland, island, toGateway, 4);

        assertThat(gateway.state()).isEqualTo(IceState.CONNECTED);
        assertThat(island.state()).isEqualTo(IceState.CONNECTED);
        assertThat(perMessage).as("bytes allocated per STUN message").isLessThan(0.5);
    }

    @Test
    void browserChecksOnTheLiteAgentAllocateNothing() {
        InetSocketAddress browserAddress = new InetSocketAddress("127.0.0.1", 30000);
        InetSocketAddress gatewayAddress = new InetSocketAddress("127.0.0.1", 10000);
        Wire toGateway = new Wire(browserAddress);
        Wire toBrowser = new Wire(gatewayAddress);
        IceCredentials g = IceCredentials.random();
        IceCredentials b = IceCredentials.random();
        IceLiteAgent gateway = new IceLiteAgent(g, IceTimers.DEFAULT, toBrowser, 0);
        gateway.setRemoteCredentials(b);
        // a browser is a full controlling agent that nominates with USE-CANDIDATE
        IceAgent browser = new IceAgent(b, true, true, IceTimers.DEFAULT, toGateway, 0);
        browser.setRemote(g, gatewayAddress);
        double perMessage = measure(browser, toGateway, gateway, toBrowser, 2);

        assertThat(gateway.state()).isEqualTo(IceState.CONNECTED);
        assertThat(gateway.selected()).isEqualTo(browserAddress);
        assertThat(perMessage).as("bytes allocated per STUN message").isLessThan(0.5);
    }

    /**
     * Wires {@code a} (sending through {@code aOut}) and {@code b} to each other and ticks both once per simulated
     * second, expecting {@code perTick} messages each time; returns bytes allocated per message after warm-up.
     */
    private double measure(IceConnectivity a, Wire aOut, IceConnectivity b, Wire bOut, int perTick) {
        aOut.to = b;
        bOut.to = a;
        java.util.function.LongConsumer tick = now -> {
            aOut.now = now;
            bOut.now = now;
            a.tick(now);
            b.tick(now);
        };
        java.util.function.IntSupplier delivered = () -> aOut.delivered + bOut.delivered;
        long t = 0;
        for (int k = 0; k < WARM_UP; k++) {
            tick.accept(t += S);
        }
        int before = delivered.getAsInt();
        long allocated0 = mx.getCurrentThreadAllocatedBytes();
        for (int k = 0; k < MEASURED; k++) {
            tick.accept(t += S);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - allocated0;
        int messages = delivered.getAsInt() - before;
        assertThat(messages).as("checks and responses").isEqualTo(perTick * MEASURED);
        return allocated / (double) messages;
    }
}
