package org.vertogw.island.media.conference;

/** Test tones and the Goertzel filter that measures how much of one frequency a stretch of 48 kHz audio holds. */
public final class Tones {

    public static final int RATE = 48_000;

    private Tones() {}

    /** Frame {@code n} (20 ms) of a continuous sine of {@code hz} at {@code amplitude}. */
    public static short[] frame(double hz, int amplitude, long n) {
        short[] f = new short[AudioMix.FRAME];
        for (int s = 0; s < f.length; s++) {
            long t = n * AudioMix.FRAME + s;
            f[s] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * t / RATE));
        }
        return f;
    }

    /** Goertzel power of {@code hz} in {@code samples[from, from + len)}, normalised to the window's length. */
    public static double power(short[] samples, int from, int len, double hz) {
        double w = 2 * Math.PI * hz / RATE;
        double coeff = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < from + len; i++) {
            double s0 = samples[i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double p = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return p / ((double) len * len);
    }
}
