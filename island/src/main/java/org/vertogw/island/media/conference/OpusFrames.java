package org.vertogw.island.media.conference;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;

/**
 * One member's Opus state (RFC 6716, carried as RFC 7587): a decoder for what it sends and an encoder for what it
 * hears, 48 kHz mono, 20 ms frames. A decoder and an encoder keep history between frames, so each member has its
 * own. Used on the room's mixing thread only.
 */
public final class OpusFrames {

    /** Largest Opus packet we write: 20 ms at 32 kbit/s needs 80 bytes; the margin covers a loud transient. */
    public static final int MAX_PACKET = 400;

    private final OpusDecoder decoder;
    private final OpusEncoder encoder;
    private final short[] pcm = new short[AudioMix.FRAME * 6];

    public OpusFrames() {
        try {
            decoder = new OpusDecoder(48_000, 1);
            encoder = new OpusEncoder(48_000, 1, OpusApplication.OPUS_APPLICATION_VOIP);
            encoder.setBitrate(32_000);
            encoder.setComplexity(5);
        } catch (OpusException e) {
            throw new IllegalStateException("Opus codec unavailable", e);
        }
    }

    /**
     * Decodes one packet into a frame of {@link AudioMix#FRAME} samples (a longer packet is cut to its first 20 ms,
     * a shorter one padded with silence); null when the packet is not Opus the decoder accepts.
     */
    public short[] decode(byte[] b, int off, int len, short[] into) {
        int n;
        try {
            n = decoder.decode(b, off, len, pcm, 0, pcm.length, false);
        } catch (OpusException | RuntimeException e) {
            return null;
        }
        if (n <= 0) {
            return null;
        }
        int copy = Math.min(n, AudioMix.FRAME);
        System.arraycopy(pcm, 0, into, 0, copy);
        java.util.Arrays.fill(into, copy, AudioMix.FRAME, (short) 0);
        return into;
    }

    /** Encodes one frame; returns the packet length written at {@code out[off]}. */
    public int encode(short[] frame, byte[] out, int off) {
        try {
            return encoder.encode(frame, 0, AudioMix.FRAME, out, off, MAX_PACKET);
        } catch (OpusException e) {
            throw new IllegalStateException("Opus encoding failed", e);
        }
    }
}
