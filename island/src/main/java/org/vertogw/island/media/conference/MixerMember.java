package org.vertogw.island.media.conference;

import java.security.SecureRandom;
import java.util.concurrent.ArrayBlockingQueue;
import org.vertogw.island.media.RoomMedia;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.rtp.RtpHeader;

/**
 * One member of a mixed room: its Opus packets wait in a short queue until the room's tick decodes them, what it
 * hears is encoded and sent as its own RTP stream (sequence and timestamp of our own, RFC 3550 §5.1), and the video
 * it sends is offered to the room's floor. Packets arrive on the media thread; the tick runs on the mixer's thread.
 */
final class MixerMember implements RoomMedia.Member {

    /** Level (mean absolute amplitude) above which a frame counts as speech. */
    static final int TALK_LEVEL = 200;
    /** Frames below the level before talking ends: 300 ms, so a pause between words does not flap the roster. */
    static final int HANGOVER = 15;
    /** Frames kept waiting: more means the sender's clock runs ahead of ours, and the oldest go. */
    static final int QUEUE = 5;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PSFB = 206;
    private static final int PLI = 1;

    final WebRtcEndpoint endpoint;
    private final int id;
    private final int opusPt;
    private final RoomMixer room;
    private final ArrayBlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(QUEUE);
    private final OpusFrames opus = new OpusFrames();
    final short[] in = new short[AudioMix.FRAME];
    final short[] heard = new short[AudioMix.FRAME];
    private final byte[] packet = new byte[RtpHeader.FIXED_LENGTH + OpusFrames.MAX_PACKET];
    private int seq = RANDOM.nextInt(0x10000);
    private long timestamp = RANDOM.nextInt() & 0xFFFFFFFFL;
    private boolean started;
    private int quiet = HANGOVER;
    boolean talking;
    int level;
    volatile boolean muted;
    volatile boolean deaf;
    private volatile int videoSsrc;
    private volatile boolean sendsVideo;

    MixerMember(RoomMixer room, WebRtcEndpoint endpoint, int id, int opusPt) {
        this.room = room;
        this.endpoint = endpoint;
        this.id = id;
        this.opusPt = opusPt;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public void muted(boolean muted) {
        this.muted = muted;
    }

    @Override
    public void deaf(boolean deaf) {
        this.deaf = deaf;
    }

    boolean sendsVideo() {
        return sendsVideo;
    }

    /** Media thread: an Opus payload is queued, video goes to the floor, a keyframe request to its holder. */
    void onPacket(int mediaIndex, boolean rtcp, byte[] b, int off, int len) {
        if (mediaIndex == 0 && !rtcp) {
            int h = RtpHeader.headerLength(b, off, len);
            if (h < 0 || RtpHeader.payloadType(b, off) != opusPt) {
                return;
            }
            int end = len;
            if (RtpHeader.hasPadding(b, off)) {
                end -= b[off + len - 1] & 0xFF;
            }
            if (end <= h) {
                return;
            }
            byte[] payload = java.util.Arrays.copyOfRange(b, off + h, off + end);
            while (!inbound.offer(payload)) {
                inbound.poll();
            }
        } else if (mediaIndex == 1 && !rtcp) {
            videoSsrc = RtpHeader.ssrc(b, off);
            sendsVideo = true;
            room.video(this, b, off, len);
        } else if (mediaIndex == 1 && len >= 12 && (b[off] & 0x1F) == PLI && (b[off + 1] & 0xFF) == PSFB) {
            room.keyframeWanted();
        }
    }

    /** Mixer thread: this tick's decoded frame, or null when nothing (usable) arrived. */
    short[] nextFrame() {
        byte[] p = inbound.poll();
        return p == null ? null : opus.decode(p, 0, p.length, in);
    }

    /** Mixer thread: updates the talking state from this tick's frame; true when it changed. */
    boolean updateTalking(short[] frame) {
        level = frame == null ? 0 : AudioMix.level(frame);
        boolean now;
        if (level >= TALK_LEVEL && !muted) {
            quiet = 0;
            now = true;
        } else {
            quiet = Math.min(HANGOVER, quiet + 1);
            now = quiet < HANGOVER;
        }
        boolean changed = now != talking;
        talking = now;
        return changed;
    }

    /** Mixer thread: encodes a frame and sends it as the next packet of our stream. */
    void send(short[] frame) {
        int n = opus.encode(frame, packet, RtpHeader.FIXED_LENGTH);
        packet[0] = (byte) 0x80;
        packet[1] = (byte) opusPt;
        RtpHeader.setMarker(packet, 0, !started);
        RtpHeader.setSequenceNumber(packet, 0, seq);
        RtpHeader.setTimestamp(packet, 0, timestamp);
        started = true;
        seq = (seq + 1) & 0xFFFF;
        timestamp = (timestamp + AudioMix.FRAME) & 0xFFFFFFFFL;
        endpoint.sendRtp(0, packet, 0, RtpHeader.FIXED_LENGTH + n);
    }

    /** RFC 4585 §6.3.1: a Picture Loss Indication to this member, so its next video frame is a keyframe. */
    void requestKeyframe() {
        int media = videoSsrc;
        if (!sendsVideo) {
            return;
        }
        byte[] pli = new byte[12];
        pli[0] = (byte) (0x80 | PLI);
        pli[1] = (byte) PSFB;
        pli[3] = 2;
        pli[8] = (byte) (media >>> 24);
        pli[9] = (byte) (media >>> 16);
        pli[10] = (byte) (media >>> 8);
        pli[11] = (byte) media;
        endpoint.sendRtcp(1, pli, 0, pli.length);
    }
}
