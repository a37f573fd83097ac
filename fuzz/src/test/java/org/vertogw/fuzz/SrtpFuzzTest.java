package org.vertogw.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.srtp.SrtpContext;
import org.vertogw.media.srtp.SrtpProfile;
import org.vertogw.media.srtp.SrtpStatus;

/**
 * SRTP unprotect (RFC 3711 §3.3, RFC 7714 §8) of what a peer may send, in every profile: arbitrary bytes never
 * authenticate and never throw; a packet we protected unprotects to the same bytes; the same packet with any one
 * byte changed is discarded.
 */
class SrtpFuzzTest {

    @FuzzTest
    void unprotect(FuzzedDataProvider data) {
        SrtpProfile profile = SrtpKeys.pick(data.consumeInt());
        boolean forged = data.consumeBoolean();
        int tamperAt = data.consumeInt(0, PacketBuffer.MAX_DATAGRAM);
        byte tamperWith = (byte) data.consumeInt(1, 255);
        byte[] bytes = data.consumeRemainingAsBytes();
        if (bytes.length > PacketBuffer.MAX_DATAGRAM) {
            bytes = Arrays.copyOf(bytes, PacketBuffer.MAX_DATAGRAM);
        }
        SrtpContext receiver = SrtpContext.of(SrtpKeys.master(profile));
        if (forged) {
            assertThat(receiver.unprotect(packet(bytes))).isNotEqualTo(SrtpStatus.OK);
            return;
        }
        if (bytes.length >= 1) {
            bytes[0] = (byte) (0x80 | (bytes[0] & 0x3F));
        }
        PacketBuffer p = packet(bytes);
        if (SrtpContext.of(SrtpKeys.master(profile)).protect(p) != SrtpStatus.OK) {
            return;
        }
        PacketBuffer tampered = copy(p);
        int at = tamperAt % tampered.length();
        tampered.array()[at] ^= tamperWith;
        assertThat(SrtpContext.of(SrtpKeys.master(profile)).unprotect(tampered))
                .as("byte %d changed", at)
                .isNotEqualTo(SrtpStatus.OK);
        assertThat(receiver.unprotect(p)).isEqualTo(SrtpStatus.OK);
        assertThat(Arrays.copyOf(p.array(), p.length())).isEqualTo(bytes);
        assertThat(receiver.unprotect(copy(p))).isNotEqualTo(SrtpStatus.OK);
    }

    static PacketBuffer packet(byte[] bytes) {
        PacketBuffer p = new PacketBuffer();
        p.set(bytes, 0, bytes.length);
        return p;
    }

    static PacketBuffer copy(PacketBuffer p) {
        PacketBuffer c = new PacketBuffer();
        c.set(p.array(), 0, p.length());
        return c;
    }
}
