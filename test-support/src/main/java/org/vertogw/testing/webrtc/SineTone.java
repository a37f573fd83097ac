package org.vertogw.testing.webrtc;

/**
 * A continuous sine tone as 10 ms frames of 16-bit little-endian mono PCM, the unit libwebrtc's audio pipeline
 * works in. A tone (not silence) is what makes the receiver's audioLevel non-zero.
 */
public final class SineTone {

    public static final int SAMPLE_RATE = 48_000;
    public static final int FRAMES_PER_10_MS = SAMPLE_RATE / 100;
    public static final int BITS_PER_SAMPLE = 16;

    private final double frequency;
    private final short amplitude;
    private final byte[] frame = new byte[FRAMES_PER_10_MS * 2];
    private long sample;

    /** @param amplitude peak value of a 16-bit sample; 8000 gives an audioLevel of about 0.24 */
    public SineTone(double frequency, short amplitude) {
        this.frequency = frequency;
        this.amplitude = amplitude;
    }

    /** The next 10 ms, phase-continuous with the previous frame; the array is reused. */
    public byte[] next10ms() {
        for (int i = 0; i < FRAMES_PER_10_MS; i++) {
            short v = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * sample++ / SAMPLE_RATE));
            frame[2 * i] = (byte) v;
            frame[2 * i + 1] = (byte) (v >> 8);
        }
        return frame;
    }
}
