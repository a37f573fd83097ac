package org.vertogw.bench.relay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The baseline of each step: the same traffic through a relay that does nothing. Per call, a browser socket and an
 * island socket on a forwarder thread, each connected to its peer, one selector over all of them, one receive and
 * one send per packet; no ICE, DTLS, SRTP or counters. A peer thread sends 50 packets/s per call from the browser
 * side and echoes on the island side, like the synthetic peers of the relay run. What the relay costs above this
 * is the price of its own work; this is what the kernel and the JDK's selector cost on this machine.
 */
final class SelectorForwarderBaseline implements AutoCloseable {

    record Result(long forwarded, long cpuNanos, long kernelNanos) {
        double nanosPerPacket() {
            return forwarded == 0 ? 0 : cpuNanos / (double) forwarded;
        }

        double kernelNanosPerPacket() {
            return forwarded == 0 || kernelNanos < 0 ? -1 : kernelNanos / (double) forwarded;
        }
    }

    private static final int PPS = 50;
    private static final InetSocketAddress ANY = new InetSocketAddress("127.0.0.1", 0);

    private final List<DatagramChannel> channels = new ArrayList<>();
    private final Selector forwarderSelector;
    private final Selector peerSelector;
    private final List<DatagramChannel> browsers = new ArrayList<>();
    private final LongAdder echoed = new LongAdder();
    private volatile boolean running = true;
    private long forwarded;
    private final Thread forwarder;
    private final Thread peer;

    private SelectorForwarderBaseline(int calls) throws IOException {
        forwarderSelector = Selector.open();
        peerSelector = Selector.open();
        for (int i = 0; i < calls; i++) {
            DatagramChannel browser = open();
            DatagramChannel fwdBrowserSide = open();
            DatagramChannel fwdIslandSide = open();
            DatagramChannel island = open();
            browser.connect(fwdBrowserSide.getLocalAddress());
            fwdBrowserSide.connect(browser.getLocalAddress());
            fwdIslandSide.connect(island.getLocalAddress());
            island.connect(fwdIslandSide.getLocalAddress());
            fwdBrowserSide.register(forwarderSelector, SelectionKey.OP_READ, fwdIslandSide);
            fwdIslandSide.register(forwarderSelector, SelectionKey.OP_READ, fwdBrowserSide);
            browser.register(peerSelector, SelectionKey.OP_READ, null);
            island.register(peerSelector, SelectionKey.OP_READ, island);
            browsers.add(browser);
        }
        forwarder = new Thread(this::forward, "baseline-forwarder");
        peer = new Thread(this::peers, "baseline-peers");
        forwarder.setDaemon(true);
        peer.setDaemon(true);
    }

    /** Runs {@code calls} calls for {@code seconds} after a warm-up of the same length; the forwarder's CPU. */
    static Result run(int calls, int seconds) throws Exception {
        try (SelectorForwarderBaseline b = new SelectorForwarderBaseline(calls)) {
            b.forwarder.start();
            b.peer.start();
            ThreadMeter meter = new ThreadMeter(b.forwarder);
            TimeUnit.SECONDS.sleep(seconds);
            long cpu0 = meter.cpuNanos();
            long kernel0 = meter.kernelNanos();
            long n0 = b.forwarded;
            TimeUnit.SECONDS.sleep(seconds);
            long kernel = meter.kernelNanos();
            return new Result(
                    b.forwarded - n0, meter.cpuNanos() - cpu0, kernel < 0 || kernel0 < 0 ? -1 : kernel - kernel0);
        }
    }

    private DatagramChannel open() throws IOException {
        DatagramChannel ch = DatagramChannel.open().bind(ANY);
        ch.configureBlocking(false);
        channels.add(ch);
        return ch;
    }

    private void forward() {
        ByteBuffer b = ByteBuffer.allocateDirect(1500);
        Consumer<SelectionKey> onReady = k -> {
            try {
                b.clear();
                if (((DatagramChannel) k.channel()).receive(b) != null) {
                    b.flip();
                    ((DatagramChannel) k.attachment()).write(b);
                    forwarded++;
                }
            } catch (IOException ignored) {
                // counted as not forwarded
            }
        };
        while (running) {
            try {
                forwarderSelector.select(onReady, 100);
            } catch (IOException | RuntimeException e) {
                return;
            }
        }
    }

    /** Every millisecond, a twentieth of the browsers send one packet; islands echo; browsers count the echoes. */
    private void peers() {
        ByteBuffer out = ByteBuffer.allocateDirect(172);
        ByteBuffer in = ByteBuffer.allocateDirect(1500);
        Consumer<SelectionKey> onReady = k -> {
            try {
                in.clear();
                DatagramChannel ch = (DatagramChannel) k.channel();
                if (ch.receive(in) != null) {
                    if (k.attachment() != null) {
                        in.flip();
                        ch.write(in);
                    } else {
                        echoed.increment();
                    }
                }
            } catch (IOException ignored) {
                // lost
            }
        };
        long start = System.nanoTime();
        long tick = 0;
        int slices = 1000 / PPS;
        while (running) {
            try {
                int slice = (int) (tick % slices);
                for (int i = slice; i < browsers.size(); i += slices) {
                    out.clear();
                    browsers.get(i).write(out);
                }
                tick++;
                long next = start + tick * 1_000_000L;
                long wait;
                while ((wait = next - System.nanoTime()) > 0) {
                    peerSelector.select(onReady, Math.max(1, wait / 1_000_000L));
                }
                peerSelector.selectNow(onReady);
            } catch (IOException | RuntimeException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        forwarder.join(2000);
        peer.join(2000);
        forwarderSelector.close();
        peerSelector.close();
        for (DatagramChannel ch : channels) {
            ch.close();
        }
    }
}
