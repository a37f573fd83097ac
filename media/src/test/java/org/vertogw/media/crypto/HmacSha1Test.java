package org.vertogw.media.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The allocation-free HMAC-SHA1 equals the JCA's for keys shorter than, equal to and longer than the block. */
class HmacSha1Test {

    @Test
    void matchesTheJcaForEveryKeyLength() throws Exception {
        Random r = new Random(3);
        for (int keyLength : new int[] {0, 1, 20, 63, 64, 65, 128, 256}) {
            byte[] key = new byte[keyLength];
            r.nextBytes(key);
            byte[] msg = new byte[r.nextInt(300)];
            r.nextBytes(msg);
            Mac jca = Mac.getInstance("HmacSHA1");
            // the JCA refuses an empty key; HMAC pads it with zeros, as it does a single zero byte
            jca.init(new SecretKeySpec(keyLength == 0 ? new byte[1] : key, "HmacSHA1"));
            byte[] expected = jca.doFinal(msg);

            HmacSha1 mac = new HmacSha1(key);
            byte[] out = new byte[24];
            for (int round = 0; round < 2; round++) { // reusable: a second computation gives the same MAC
                mac.start();
                mac.update(msg, 0, msg.length / 2);
                mac.update(msg, msg.length / 2, msg.length - msg.length / 2);
                mac.finish(out, 4);
                assertThat(java.util.Arrays.copyOfRange(out, 4, 24))
                        .as("key of %d bytes", keyLength)
                        .isEqualTo(expected);
            }
        }
    }
}
