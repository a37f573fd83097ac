package org.vertogw.testing.webrtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.nio.ByteBuffer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A camera for a headless libwebrtc peer: 320x240 I420 frames at 15 per second, their brightness sweeping, pushed
 * into a {@code CustomVideoSource} from a thread of its own once started, so that libwebrtc's VP8 encoder has a
 * moving picture to send. Also reads the decoded-video counters a receiver's getStats gives.
 */
public final class SyntheticCamera implements AutoCloseable {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;

    private final CustomVideoSource source = new CustomVideoSource();
    private final VideoTrack track;
    private final AtomicLong frames = new AtomicLong();
    private ScheduledExecutorService clock;

    SyntheticCamera(PeerConnectionFactory factory) {
        track = factory.createVideoTrack("video0", source);
    }

    VideoTrack track() {
        return track;
    }

    /** Starts pushing frames of a video peer's camera; nothing without video. */
    static void start(SyntheticCamera camera) {
        if (camera != null) {
            camera.start();
        }
    }

    private synchronized void start() {
        if (clock != null) {
            return;
        }
        clock = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "synthetic-camera"));
        clock.scheduleAtFixedRate(this::push, 0, 66, TimeUnit.MILLISECONDS);
    }

    private void push() {
        long n = frames.incrementAndGet();
        NativeI420Buffer buffer = NativeI420Buffer.allocate(WIDTH, HEIGHT);
        fill(buffer.getDataY(), (byte) (n * 4));
        fill(buffer.getDataU(), (byte) 128);
        fill(buffer.getDataV(), (byte) (n * 2));
        VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
        source.pushFrame(frame);
        frame.release();
    }

    private static void fill(ByteBuffer b, byte v) {
        for (int i = b.position(); i < b.limit(); i++) {
            b.put(i, v);
        }
    }

    public long framesPushed() {
        return frames.get();
    }

    /** {@code framesDecoded} of the report's inbound video stream, 0 without one. */
    static long framesDecoded(RTCStatsReport report) {
        for (RTCStats s : report.getStats().values()) {
            if (s.getType() == RTCStatsType.INBOUND_RTP
                    && "video".equals(s.getAttributes().get("kind"))) {
                Object v = s.getAttributes().get("framesDecoded");
                return v instanceof Number n ? n.longValue() : 0;
            }
        }
        return 0;
    }

    /** Stops the frames; the track and source go with the peer connection's teardown. */
    @Override
    public synchronized void close() {
        if (clock != null) {
            clock.shutdown();
            try {
                clock.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the frames of a video peer's camera before its peer connection goes; nothing without video. */
    static void stop(SyntheticCamera camera) {
        if (camera != null) {
            camera.close();
        }
    }

    /**
     * After the peer connection closed: the source (the track goes with the peer connection, as the audio track
     * does; disposing it too fails natively); nothing for a peer without video.
     */
    static void dispose(SyntheticCamera camera) {
        if (camera != null) {
            camera.source.dispose();
        }
    }
}
