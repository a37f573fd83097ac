package org.vertogw.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vertogw.media.rtp.Bytes;

/**
 * {@link JdkAesCtr} against {@link AesCounterMode} (itself checked against RFC 3711 Appendix B.2 by
 * {@link Rfc3711Test}), and that it is in use where java.base opens its provider, as media's Surefire argLine and
 * the gateway jar's manifest do.
 */
class JdkAesCtrTest {

    @Test
    void theJdkCounterModeIsUsedWhenJavaBaseOpensItsProvider() {
        assertThat(JdkAesCtr.AVAILABLE)
                .as("the JDK's counter mode is unavailable: %s", JdkAesCtr.UNAVAILABLE_BECAUSE)
                .isTrue();
        assertThat(AesCtr.forKey(new byte[16])).isInstanceOf(JdkAesCtr.class);
    }

    @Test
    void rfc3711KeystreamComesOutOfTheJdkCounterMode() {
        AesCtr ctr = new JdkAesCtr(Bytes.fromHex("2B7E151628AED2A6ABF7158809CF4F3C"));
        byte[] ks = new byte[48];
        ctr.apply(Bytes.fromHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), ks, 0, ks.length);
        assertThat(Bytes.hex(ks, 0, 48))
                .isEqualToIgnoringCase("E03EAD0935C95E80E166B16DD92B4EB4" + "D23513162B02D0F72A43A2FE4A5F97AB"
                        + "41E95B3BB0A2E8DD477901E4FCA894C0");
    }

    /**
     * Random keys, counters, offsets and every length up to 300 bytes, through both AES-CM's one-pass use and GCM's
     * mask-then-data use; enough calls for C2 to compile the path down to the stub.
     */
    @Test
    void matchesAesCounterModeOnEveryLength() {
        SplittableRandom rnd = new SplittableRandom(3711);
        byte[] key = new byte[16];
        byte[] counter = new byte[16];
        byte[] a = new byte[320];
        byte[] b = new byte[320];
        byte[] maskA = new byte[16];
        byte[] maskB = new byte[16];
        for (int k = 0; k < 60; k++) {
            rnd.nextBytes(key);
            AesCtr reference = new AesCounterMode(new AesBlock(key));
            AesCtr jdk = new JdkAesCtr(key);
            assertThat(jdk.hashSubkey()).isEqualTo(reference.hashSubkey());
            for (int len = 0; len <= 300; len++) {
                rnd.nextBytes(counter);
                counter[14] = 0;
                counter[15] = 0;
                int off = rnd.nextInt(17);
                rnd.nextBytes(a);
                System.arraycopy(a, 0, b, 0, a.length);
                reference.apply(counter, a, off, len);
                jdk.apply(counter, b, off, len);
                assertThat(b).as("AES-CM, %d bytes at %d", len, off).isEqualTo(a);
                Bytes.writeInt(counter, 12, 1);
                reference.startGcm(counter, maskA, len);
                reference.xorData(a, off, len);
                jdk.startGcm(counter, maskB, len);
                jdk.xorData(b, off, len);
                assertThat(maskB).isEqualTo(maskA);
                assertThat(b).as("GCM, %d bytes at %d", len, off).isEqualTo(a);
            }
        }
    }
}
