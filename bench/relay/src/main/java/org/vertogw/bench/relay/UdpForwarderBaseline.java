package org.vertogw.bench.relay;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;

/**
 * The baseline of the same run: a thread that receives each datagram and sends it on, no crypto, no parsing; the
 * least a user-space relay can do per packet (one receive and one send system call).
 */
final class UdpForwarderBaseline {

    record Result(long packets, long cpuNanos) {
        double nanosPerPacket() {
            return packets == 0 ? 0 : cpuNanos / (double) packets;
        }
    }

    static Result run(int packetsPerSecond, int seconds) throws Exception {
        try (DatagramChannel in = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                DatagramChannel out = DatagramChannel.open();
                DatagramChannel sink = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                DatagramChannel source = DatagramChannel.open()) {
            InetSocketAddress inAddr = (InetSocketAddress) in.getLocalAddress();
            InetSocketAddress sinkAddr = (InetSocketAddress) sink.getLocalAddress();
            sink.configureBlocking(false);
            long[] forwarded = new long[1];
            Thread forwarder = new Thread(() -> {
                ByteBuffer b = ByteBuffer.allocateDirect(1500);
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        b.clear();
                        in.receive(b);
                        b.flip();
                        out.send(b, sinkAddr);
                        forwarded[0]++;
                    }
                } catch (Exception ignored) {
                    // closed at the end of the run
                }
            }, "baseline-forwarder");
            forwarder.setDaemon(true);
            forwarder.start();
            ThreadMeter meter = new ThreadMeter(forwarder);
            ByteBuffer packet = ByteBuffer.allocateDirect(188);
            ByteBuffer drain = ByteBuffer.allocateDirect(1500);
            long cpu0 = meter.cpuNanos();
            long n0 = forwarded[0];
            long interval = TimeUnit.SECONDS.toNanos(1) / packetsPerSecond;
            long next = System.nanoTime();
            long end = next + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                packet.clear();
                source.send(packet, inAddr);
                while (true) {
                    drain.clear();
                    if (sink.receive(drain) == null) {
                        break;
                    }
                }
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 50_000) {
                    TimeUnit.NANOSECONDS.sleep(wait - 50_000);
                }
            }
            long cpu = meter.cpuNanos() - cpu0;
            long n = forwarded[0] - n0;
            forwarder.interrupt();
            return new Result(n, cpu);
        }
    }

    private UdpForwarderBaseline() {}
}
