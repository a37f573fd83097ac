package org.vertogw.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.srtp.SrtcpContext;
import org.vertogw.media.srtp.SrtpProfile;
import org.vertogw.media.srtp.SrtpStatus;

/**
 * SRTCP unprotect (RFC 3711 §3.4, RFC 7714 §9) of what a peer may send, in every profile: arbitrary bytes never
 * authenticate and never throw; a compound packet we protected unprotects to the same bytes; the same packet with any
 * one byte changed is discarded.
 */
class SrtcpFuzzTest {

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
        SrtcpContext receiver = SrtcpContext.of(SrtpKeys.master(profile));
        if (forged) {
            assertThat(receiver.unprotect(SrtpFuzzTest.packet(bytes))).isNotEqualTo(SrtpStatus.OK);
            return;
        }
        if (bytes.length >= 2) {
            bytes[0] = (byte) (0x80 | (bytes[0] & 0x3F));
            bytes[1] = (byte) (200 + Math.floorMod(bytes[1], 5));
        }
        PacketBuffer p = SrtpFuzzTest.packet(bytes);
        if (SrtcpContext.of(SrtpKeys.master(profile)).protect(p) != SrtpStatus.OK) {
            return;
        }
        PacketBuffer tampered = SrtpFuzzTest.copy(p);
        int at = tamperAt % tampered.length();
        tampered.array()[at] ^= tamperWith;
        assertThat(SrtcpContext.of(SrtpKeys.master(profile)).unprotect(tampered))
                .as("byte %d changed", at)
                .isNotEqualTo(SrtpStatus.OK);
        assertThat(receiver.unprotect(p)).isEqualTo(SrtpStatus.OK);
        assertThat(Arrays.copyOf(p.array(), p.length())).isEqualTo(bytes);
        assertThat(receiver.unprotect(SrtpFuzzTest.copy(p))).isNotEqualTo(SrtpStatus.OK);
    }
}
