package org.vertogw.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vertogw.media.rtp.Bytes;

/**
 * {@link JdkGhash} against {@link GaloisHash} (itself checked against SP 800-38D Algorithm 1 by
 * {@link GaloisHashTest}), and that it is in use: media's Surefire argLine opens the JDK's provider package, as the
 * gateway jar's manifest does, so that the fast path cannot silently fall back to pure Java.
 */
class JdkGhashTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theJdkGhashIsUsedWhenJavaBaseOpensItsProvider() {
        assertThat(Object.class.getModule().isOpen("com.sun.crypto.provider", JdkGhash.class.getModule()))
                .as("the JVM runs with %s", JdkProvider.ADD_OPENS)
                .isTrue();
        assertThat(JdkGhash.AVAILABLE)
                .as("the JDK's GHASH is unavailable: %s", JdkGhash.UNAVAILABLE_BECAUSE)
                .isTrue();
        assertThat(Ghash.forKey(new byte[16])).isInstanceOf(JdkGhash.class);
    }

    /**
     * Random keys, random AAD of 0..40 bytes and texts of every length 0..200 bytes, on one instance per key (so
     * that state is reset between messages), from unaligned offsets. The first rounds run the JDK's Java code, the
     * later ones its compiled intrinsic: tens of thousands of calls get {@code update} compiled by C2.
     */
    @Test
    void matchesGaloisHashOnMessagesOfEveryLength() {
        SplittableRandom rnd = new SplittableRandom(7714);
        byte[] h = new byte[16];
        byte[] buf = new byte[300];
        byte[] expected = new byte[16];
        byte[] actual = new byte[16];
        for (int key = 0; key < 150; key++) {
            rnd.nextBytes(h);
            GaloisHash reference = new GaloisHash(h);
            JdkGhash jdk = new JdkGhash(h);
            for (int len = 0; len <= 200; len++) {
                rnd.nextBytes(buf);
                int aad = rnd.nextInt(41);
                int off = rnd.nextInt(buf.length - aad - len + 1);
                hash(reference, buf, off, aad, len, expected);
                hash(jdk, buf, off, aad, len, actual);
                assertThat(HEX.formatHex(actual))
                        .as("H=%s, %d + %d bytes", HEX.formatHex(h), aad, len)
                        .isEqualTo(HEX.formatHex(expected));
            }
        }
    }

    @Test
    void gcmSpecTestCase2() {
        byte[] h = Bytes.fromHex("66e94bd4ef8a2c3b884cfa59ca342b2e");
        byte[] c = Bytes.fromHex("0388dace60b6a392f328c2b971b2fe78");
        byte[] out = new byte[16];
        hash(new JdkGhash(h), c, 0, 0, 16, out);
        assertThat(HEX.formatHex(out)).isEqualTo("f38cbb1ad69223dcc3457ae5b6b0f885");
    }

    private static void hash(Ghash g, byte[] buf, int off, int aad, int len, byte[] out) {
        g.reset();
        g.update(buf, off, aad);
        g.update(buf, off + aad, len);
        g.finish(aad, len, out);
    }
}
