package org.vertogw.bench.relay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.rtp.RtpHeader;
import org.vertogw.media.srtp.SrtpContext;
import org.vertogw.media.srtp.SrtpMasterKey;
import org.vertogw.media.srtp.SrtpProfile;
import org.vertogw.media.srtp.SrtpStatus;

/**
 * The baselines of each step: the same traffic through a relay that does nothing. Per call, a browser socket and an
 * island socket on a forwarder thread, each connected to its peer, one selector over all of them, one read and one
 * write per packet, as the media loop does on connected legs; no ICE, DTLS, SRTP or counters. A peer thread sends
 * 50 packets/s per call from the browser side and echoes on the island side, like the synthetic peers of the relay
 * run. What the relay costs above this is the price of its own work; this is what the kernel and the JDK's selector
 * cost on this machine.
 *
 * <p>With {@code srtp}, the forwarder also does the one thing a relay that terminates SRTP on both legs cannot
 * avoid: it unprotects each packet with the context of the leg it came from and protects it with the other leg's
 * (the product's {@link SrtpContext}, AEAD_AES_128_GCM on the browser side and AES_CM_128_HMAC_SHA1_80 on the island
 * side, as in the relay run), and nothing else. That is the floor of an SRTP-terminating relay on this machine and
 * JDK; the relay's cost above it is its ICE, DTLS, demultiplexing and bookkeeping.
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
    /** An RTP packet of 20 ms of G.711: a 12-byte header and 160 bytes of payload, as the relay run sends. */
    private static final int PACKET = 12 + 160;

    private static final InetSocketAddress ANY = new InetSocketAddress("127.0.0.1", 0);

    private final List<DatagramChannel> channels = new ArrayList<>();
    private final Selector forwarderSelector;
    private final Selector peerSelector;
    private final List<DatagramChannel> browsers = new ArrayList<>();
    /** With SRTP, each browser's sending context (the browser → gateway key). */
    private final List<SrtpContext> browserSenders = new ArrayList<>();
    /** Each browser's next sequence number. */
    private final int[] browserSeq;

    private final LongAdder echoed = new LongAdder();
    private volatile boolean running = true;
    private long forwarded;
    private final Thread forwarder;
    private final Thread peer;

    /**
     * Where a datagram read on one forwarder socket goes, and with SRTP the context it is unprotected with (the leg it
     * came from) and the one it is protected with (the leg it goes to).
     */
    private record Hop(DatagramChannel out, SrtpContext unprotect, SrtpContext protect) {}

    private SelectorForwarderBaseline(int calls, boolean srtp) throws IOException {
        forwarderSelector = Selector.open();
        peerSelector = Selector.open();
        browserSeq = new int[calls];
        SplittableRandom keys = new SplittableRandom(7);
        for (int i = 0; i < calls; i++) {
            DatagramChannel browser = open();
            DatagramChannel fwdBrowserSide = open();
            DatagramChannel fwdIslandSide = open();
            DatagramChannel island = open();
            browser.connect(fwdBrowserSide.getLocalAddress());
            fwdBrowserSide.connect(browser.getLocalAddress());
            fwdIslandSide.connect(island.getLocalAddress());
            island.connect(fwdIslandSide.getLocalAddress());
            Hop toIsland = new Hop(fwdIslandSide, null, null);
            Hop toBrowser = new Hop(fwdBrowserSide, null, null);
            if (srtp) {
                // browser → gateway and gateway → browser under their own GCM keys; the island leg's one key both
                // ways, since the synthetic island echoes the ciphertext it got
                SrtpMasterKey fromBrowser = key(SrtpProfile.AEAD_AES_128_GCM, keys);
                SrtpMasterKey islandLeg = key(SrtpProfile.AES_CM_128_HMAC_SHA1_80, keys);
                browserSenders.add(SrtpContext.of(fromBrowser));
                toIsland = new Hop(fwdIslandSide, SrtpContext.of(fromBrowser), SrtpContext.of(islandLeg));
                toBrowser = new Hop(
                        fwdBrowserSide,
                        SrtpContext.of(islandLeg),
                        SrtpContext.of(key(SrtpProfile.AEAD_AES_128_GCM, keys)));
            }
            fwdBrowserSide.register(forwarderSelector, SelectionKey.OP_READ, toIsland);
            fwdIslandSide.register(forwarderSelector, SelectionKey.OP_READ, toBrowser);
            browser.register(peerSelector, SelectionKey.OP_READ, null);
            island.register(peerSelector, SelectionKey.OP_READ, island);
            browsers.add(browser);
        }
        forwarder = new Thread(this::forward, "baseline-forwarder");
        peer = new Thread(this::peers, "baseline-peers");
        forwarder.setDaemon(true);
        peer.setDaemon(true);
    }

    private static SrtpMasterKey key(SrtpProfile profile, SplittableRandom rnd) {
        byte[] key = new byte[profile.keyLength()];
        byte[] salt = new byte[profile.saltLength()];
        rnd.nextBytes(key);
        rnd.nextBytes(salt);
        return new SrtpMasterKey(profile, key, salt);
    }

    /**
     * Runs {@code calls} calls for {@code seconds} after a warm-up of the same length, with or without the SRTP
     * transforms; the forwarder's CPU.
     */
    static Result run(int calls, int seconds, boolean srtp) throws Exception {
        try (SelectorForwarderBaseline b = new SelectorForwarderBaseline(calls, srtp)) {
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
        PacketBuffer p = new PacketBuffer();
        Consumer<SelectionKey> onReady = k -> {
            try {
                b.clear();
                if (((DatagramChannel) k.channel()).read(b) <= 0) {
                    return;
                }
                b.flip();
                Hop hop = (Hop) k.attachment();
                if (hop.unprotect != null) {
                    int len = b.remaining();
                    b.get(p.array(), 0, len);
                    p.setLength(len);
                    if (hop.unprotect.unprotect(p) != SrtpStatus.OK || hop.protect.protect(p) != SrtpStatus.OK) {
                        return;
                    }
                    b.clear();
                    b.put(p.array(), 0, p.length());
                    b.flip();
                }
                hop.out.write(b);
                forwarded++;
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
        ByteBuffer out = ByteBuffer.allocateDirect(1500);
        ByteBuffer in = ByteBuffer.allocateDirect(1500);
        PacketBuffer packet = new PacketBuffer();
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
                    if (!browserSenders.isEmpty()) {
                        srtpPacket(packet, i, out);
                    } else {
                        out.limit(PACKET);
                    }
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

    /**
     * Call {@code i}'s next RTP packet ({@link #PACKET} bytes, its own SSRC), protected by its browser, into
     * {@code out}.
     */
    private void srtpPacket(PacketBuffer packet, int i, ByteBuffer out) {
        byte[] a = packet.array();
        Arrays.fill(a, 0, PACKET, (byte) 0);
        a[0] = (byte) 0x80;
        RtpHeader.setSsrc(a, 0, i + 1);
        RtpHeader.setSequenceNumber(a, 0, browserSeq[i]++ & 0xFFFF);
        packet.setLength(PACKET);
        browserSenders.get(i).protect(packet);
        out.put(a, 0, packet.length());
        out.flip();
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
