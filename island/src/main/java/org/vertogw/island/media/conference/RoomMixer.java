package org.vertogw.island.media.conference;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.island.media.RoomMedia;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;

/**
 * A conference room's media, as mod_conference runs it: a tick every 20 ms on the mixer's scheduler (not per packet)
 * takes one frame from every member, mixes, and sends each member everyone but itself. Video is not mixed: the floor
 * holder's packets go to every other member as they come (FreeSWITCH's video passthrough), and every change of floor
 * asks the new holder for a keyframe (RFC 4585 §6.3.1) so the others can decode at once. The floor follows the
 * loudest talker unless a moderator locked it ({@code vid-floor}).
 */
public final class RoomMixer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RoomMixer.class);
    private static final short[] SILENCE = new short[AudioMix.FRAME];

    private final String name;
    private final ScheduledExecutorService scheduler;
    private final RoomMedia.Listener listener;
    private final List<MixerMember> members = new CopyOnWriteArrayList<>();
    private final int[] sum = new int[AudioMix.FRAME];
    private ScheduledFuture<?> tick;
    private volatile MixerMember floor;
    private volatile MixerMember locked;
    private volatile boolean closed;

    public RoomMixer(String name, ScheduledExecutorService scheduler, RoomMedia.Listener listener) {
        this.name = name;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    /** Adds an endpoint whose audio is Opus with payload type {@code opusPt}. */
    public synchronized RoomMedia.Member add(WebRtcEndpoint endpoint, int memberId, int opusPt) {
        MixerMember m = new MixerMember(this, endpoint, memberId, opusPt);
        members.add(m);
        endpoint.onRtp(m::onPacket);
        if (tick == null && !closed) {
            tick = scheduler.scheduleAtFixedRate(this::tickSafely, 20, 20, TimeUnit.MILLISECONDS);
        }
        MixerMember holder = floor;
        if (holder != null) {
            holder.requestKeyframe();
        }
        return m;
    }

    public synchronized void leave(RoomMedia.Member member) {
        MixerMember m = (MixerMember) member;
        if (!members.remove(m)) {
            return;
        }
        m.endpoint.onRtp((i, rtcp, b, o, l) -> {});
        if (locked == m) {
            locked = null;
        }
        if (floor == m) {
            floor = null;
            listener.floor(-1);
        }
    }

    public void lockFloor(RoomMedia.Member member) {
        MixerMember m = (MixerMember) member;
        locked = m;
        if (m != null && m != floor) {
            giveFloor(m);
        }
    }

    int size() {
        return members.size();
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("conference {}: mixing failed", name, e);
        }
    }

    /** One 20 ms step: decode, detect talkers, mix minus one, encode and send. */
    void tick() {
        // a snapshot: a member may join or leave while the tick runs
        MixerMember[] now = members.toArray(new MixerMember[0]);
        int n = now.length;
        short[][] frames = new short[n][];
        short[][] out = new short[n][];
        MixerMember loudest = null;
        for (int i = 0; i < n; i++) {
            MixerMember m = now[i];
            short[] f = m.nextFrame();
            if (m.updateTalking(f)) {
                listener.talking(m.id(), m.talking);
            }
            frames[i] = m.muted ? null : f;
            out[i] = m.deaf ? null : m.heard;
            if (m.talking && frames[i] != null && (loudest == null || m.level > loudest.level)) {
                loudest = m;
            }
        }
        AudioMix.mixMinusOne(frames, out, sum);
        for (int i = 0; i < n; i++) {
            MixerMember m = now[i];
            m.send(out[i] == null ? SILENCE : out[i]);
        }
        MixerMember holder = floor;
        if (locked == null
                && loudest != null
                && loudest != holder
                && (holder == null || !holder.talking || loudest.level > 2 * holder.level)) {
            giveFloor(loudest);
        }
    }

    private void giveFloor(MixerMember m) {
        floor = m;
        listener.floor(m.id());
        m.requestKeyframe();
    }

    /** Media thread: the floor holder's video goes to every other member that negotiated video. */
    void video(MixerMember from, byte[] b, int off, int len) {
        if (from != floor) {
            return;
        }
        for (MixerMember m : members) {
            if (m != from) {
                m.endpoint.sendRtp(1, b, off, len);
            }
        }
    }

    /** A viewer lost video (it sent a PLI): the holder is asked for a keyframe. */
    void keyframeWanted() {
        MixerMember holder = floor;
        if (holder != null) {
            holder.requestKeyframe();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (tick != null) {
            tick.cancel(false);
        }
        for (MixerMember m : members) {
            m.endpoint.onRtp((i, rtcp, b, o, l) -> {});
        }
        members.clear();
    }
}
