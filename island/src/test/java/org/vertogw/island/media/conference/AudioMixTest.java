package org.vertogw.island.media.conference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The mix-minus-one arithmetic and the Opus round trip of a conference member. */
class AudioMixTest {

    /** Whole cycles in one 20 ms frame (multiples of 50 Hz), so a one-frame Goertzel sees no leakage. */
    private static final double[] HZ = {450, 1000, 1700};

    @Test
    void everyMemberHearsTheOthersButNeverItself() {
        short[][] frames = new short[3][];
        short[][] out = new short[3][AudioMix.FRAME];
        for (int i = 0; i < 3; i++) {
            frames[i] = Tones.frame(HZ[i], 6000, 0);
        }
        AudioMix.mixMinusOne(frames, out, new int[AudioMix.FRAME]);
        for (int i = 0; i < 3; i++) {
            double own = Tones.power(out[i], 0, AudioMix.FRAME, HZ[i]);
            for (int j = 0; j < 3; j++) {
                if (j != i) {
                    double other = Tones.power(out[i], 0, AudioMix.FRAME, HZ[j]);
                    assertThat(other).as("member %d hears member %d", i, j).isGreaterThan(1000 * (own + 1));
                }
            }
            assertThat(own).as("member %d hears itself", i).isLessThan(1);
        }
    }

    @Test
    void aMemberWithoutAFrameIsHeardByNobodyAndOneWithoutOutputIsSkipped() {
        short[][] frames = {Tones.frame(450, 6000, 0), null, Tones.frame(1700, 6000, 0)};
        short[] untouched = new short[AudioMix.FRAME];
        untouched[0] = 123;
        short[][] out = {new short[AudioMix.FRAME], new short[AudioMix.FRAME], null};
        AudioMix.mixMinusOne(frames, out, new int[AudioMix.FRAME]);
        assertThat(Tones.power(out[1], 0, AudioMix.FRAME, 450)).isGreaterThan(1000);
        assertThat(Tones.power(out[1], 0, AudioMix.FRAME, 1700)).isGreaterThan(1000);
        assertThat(Tones.power(out[0], 0, AudioMix.FRAME, 1700)).isGreaterThan(1000);
        assertThat(AudioMix.level(out[0])).isBetween(3500, 4000); // only the 1700 Hz member: 6000 * 2/pi
    }

    @Test
    void loudSumsAreClippedNotWrapped() {
        short[] loud = new short[AudioMix.FRAME];
        java.util.Arrays.fill(loud, (short) 30_000);
        short[][] out = {null, null, new short[AudioMix.FRAME]};
        AudioMix.mixMinusOne(new short[][] {loud, loud, null}, out, new int[AudioMix.FRAME]);
        assertThat(out[2][0]).isEqualTo(Short.MAX_VALUE);
    }

    @Test
    void levelIsTheMeanAbsoluteAmplitude() {
        assertThat(AudioMix.level(new short[AudioMix.FRAME])).isZero();
        assertThat(AudioMix.level(Tones.frame(1000, 10_000, 3))).isBetween(6300, 6400);
    }

    @Test
    void aToneSurvivesTheOpusRoundTripWithItsFrequency() {
        OpusFrames sender = new OpusFrames();
        OpusFrames receiver = new OpusFrames();
        byte[] packet = new byte[OpusFrames.MAX_PACKET];
        short[] decoded = new short[AudioMix.FRAME];
        for (int n = 0; n < 25; n++) {
            int len = sender.encode(Tones.frame(1000, 8000, n), packet, 0);
            assertThat(len).isBetween(1, OpusFrames.MAX_PACKET);
            assertThat(receiver.decode(packet, 0, len, decoded)).isSameAs(decoded);
        }
        double tone = Tones.power(decoded, 0, AudioMix.FRAME, 1000);
        assertThat(tone).isGreaterThan(100 * Tones.power(decoded, 0, AudioMix.FRAME, 450));
        assertThat(AudioMix.level(decoded)).isBetween(3000, 7000);
    }
}
