package org.vertogw.island.media.conference;

/**
 * The arithmetic of a conference mix, as mod_conference does it: every member's 20 ms frame is summed once, and each
 * member hears the sum minus its own contribution, clipped to 16 bits. Levels are the mean absolute amplitude of a
 * frame, the measure FreeSWITCH's energy detection compares with its threshold.
 */
public final class AudioMix {

    /** 20 ms of 48 kHz mono audio. */
    public static final int FRAME = 960;

    private AudioMix() {}

    /**
     * Writes into {@code out[i]} what member {@code i} hears: the sum of every contributing frame except its own.
     * {@code frames[i]} is null for a member that contributes nothing this tick (silent, muted or no packet);
     * {@code out[i]} null skips the member (nothing to send, e.g. deaf). {@code sum} is scratch of {@link #FRAME}.
     */
    public static void mixMinusOne(short[][] frames, short[][] out, int[] sum) {
        java.util.Arrays.fill(sum, 0);
        for (short[] f : frames) {
            if (f != null) {
                for (int s = 0; s < FRAME; s++) {
                    sum[s] += f[s];
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            short[] o = out[i];
            if (o == null) {
                continue;
            }
            short[] own = frames[i];
            for (int s = 0; s < FRAME; s++) {
                o[s] = clip(own == null ? sum[s] : sum[s] - own[s]);
            }
        }
    }

    /** Mean absolute amplitude of a frame (0 to 32768). */
    public static int level(short[] frame) {
        long total = 0;
        for (int s = 0; s < FRAME; s++) {
            total += Math.abs(frame[s]);
        }
        return (int) (total / FRAME);
    }

    static short clip(int v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }
}
