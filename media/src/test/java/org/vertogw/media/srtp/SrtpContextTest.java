package org.vertogw.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertogw.media.rtp.Bytes;
import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.rtp.RtpHeader;

/** Replay window, rollover-counter estimation (RFC 3711 §3.3.1) and tamper detection, for both profiles. */
class SrtpContextTest {

    private static SrtpMasterKey master(SrtpProfile profile) {
        byte[] key = new byte[profile.keyLength()];
        byte[] salt = new byte[profile.saltLength()];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 1);
        }
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) (i * 3 + 2);
        }
        return new SrtpMasterKey(profile, key, salt);
    }

    private static PacketBuffer rtp(int seq, int fill) {
        PacketBuffer p = new PacketBuffer();
        byte[] b = p.array();
        b[0] = (byte) 0x80;
        b[1] = 111;
        RtpHeader.setSequenceNumber(b, 0, seq);
        Bytes.writeInt(b, 4, seq * 960);
        RtpHeader.setSsrc(b, 0, 0x11223344);
        for (int i = 12; i < 172; i++) {
            b[i] = (byte) (fill + i);
        }
        p.setLength(172);
        return p;
    }

    private static PacketBuffer copy(PacketBuffer p) {
        PacketBuffer c = new PacketBuffer();
        c.set(p.array(), 0, p.length());
        return c;
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aPacketReplayedIsDiscardedAndTheNextOneStillPasses(SrtpProfile profile) {
        SrtpContext tx = SrtpContext.of(master(profile));
        SrtpContext rx = SrtpContext.of(master(profile));
        PacketBuffer p = rtp(100, 1);
        tx.protect(p);
        PacketBuffer replay = copy(p);
        assertThat(rx.unprotect(p)).isEqualTo(SrtpStatus.OK);
        assertThat(rx.unprotect(replay)).isEqualTo(SrtpStatus.REPLAYED);
        PacketBuffer next = rtp(101, 1);
        tx.protect(next);
        assertThat(rx.unprotect(next)).isEqualTo(SrtpStatus.OK);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void packetsOlderThanTheWindowAreDiscarded(SrtpProfile profile) {
        SrtpContext tx = SrtpContext.of(master(profile));
        SrtpContext rx = SrtpContext.of(master(profile));
        PacketBuffer old = rtp(1000, 1);
        tx.protect(old);
        PacketBuffer recent = rtp(1000 + ReplayWindow.SIZE, 1);
        tx.protect(recent);
        assertThat(rx.unprotect(recent)).isEqualTo(SrtpStatus.OK);
        assertThat(rx.unprotect(old)).isEqualTo(SrtpStatus.TOO_OLD);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void tamperedPayloadHeaderOrTagFailsAuthentication(SrtpProfile profile) {
        SrtpContext tx = SrtpContext.of(master(profile));
        SrtpContext rx = SrtpContext.of(master(profile));
        for (int where : new int[] {2, 8, 50, -1}) {
            PacketBuffer p = rtp(5 + (where & 0xFF), 2);
            tx.protect(p);
            int at = where < 0 ? p.length() - 1 : where;
            p.array()[at] ^= 0x10;
            assertThat(rx.unprotect(p)).as("flip at %d", at).isEqualTo(SrtpStatus.AUTH_FAILED);
        }
        PacketBuffer ok = rtp(400, 2);
        tx.protect(ok);
        assertThat(rx.unprotect(ok)).isEqualTo(SrtpStatus.OK);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void theRolloverCounterAdvancesAcrossTheWrapEvenWithReordering(SrtpProfile profile) {
        SrtpContext tx = SrtpContext.of(master(profile));
        SrtpContext rx = SrtpContext.of(master(profile));
        List<PacketBuffer> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            PacketBuffer p = rtp((65530 + i) & 0xFFFF, i);
            assertThat(tx.protect(p)).isEqualTo(SrtpStatus.OK);
            sent.add(p);
        }
        assertThat(tx.rolloverCounter(0x11223344)).isEqualTo(1);
        // deliver 65530..65533, then 0..5 (after the wrap), then the late 65534 and 65535
        int[] order = {0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 4, 5};
        for (int i : order) {
            PacketBuffer p = sent.get(i);
            assertThat(rx.unprotect(p)).as("packet %d", i).isEqualTo(SrtpStatus.OK);
            assertThat(p.array()[40]).isEqualTo((byte) (i + 40));
        }
        assertThat(rx.rolloverCounter(0x11223344)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void forgedSsrcsDoNotFillTheStreamTable(SrtpProfile profile) {
        SrtpContext rx = SrtpContext.of(master(profile));
        for (int i = 0; i < 100; i++) {
            PacketBuffer p = rtp(i, 0);
            RtpHeader.setSsrc(p.array(), 0, i);
            p.setLength(p.length() + profile.tagLength());
            assertThat(rx.unprotect(p)).isEqualTo(SrtpStatus.AUTH_FAILED);
        }
        SrtpContext tx = SrtpContext.of(master(profile));
        PacketBuffer good = rtp(7, 0);
        tx.protect(good);
        assertThat(rx.unprotect(good)).isEqualTo(SrtpStatus.OK);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void srtcpRoundTripsAndRejectsReplayAndTamper(SrtpProfile profile) {
        SrtcpContext tx = SrtcpContext.of(master(profile));
        SrtcpContext rx = SrtcpContext.of(master(profile));
        PacketBuffer p =
                Rfc3711Test.packet("81c90007" + "0a0b0c0d" + "00000001000000020000000300000004000000050000000600");
        p.setLength(32);
        assertThat(tx.protect(p)).isEqualTo(SrtpStatus.OK);
        PacketBuffer dup = copy(p);
        PacketBuffer bad = copy(p);
        bad.array()[12] ^= 1;
        assertThat(rx.unprotect(bad)).isEqualTo(SrtpStatus.AUTH_FAILED);
        assertThat(rx.unprotect(p)).isEqualTo(SrtpStatus.OK);
        assertThat(Rfc3711Test.hex(p)).startsWith("81c900070a0b0c0d0000000100000002");
        assertThat(rx.unprotect(dup)).isEqualTo(SrtpStatus.REPLAYED);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void truncatedAndNonRtpInputIsMalformed(SrtpProfile profile) {
        SrtpContext rx = SrtpContext.of(master(profile));
        PacketBuffer p = new PacketBuffer();
        p.setLength(profile.tagLength() + 5);
        assertThat(rx.unprotect(p)).isEqualTo(SrtpStatus.MALFORMED);
        SrtcpContext rtcp = SrtcpContext.of(master(profile));
        p.setLength(10);
        assertThat(rtcp.unprotect(p)).isEqualTo(SrtpStatus.MALFORMED);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void keyingMaterialSplitsIntoMatchingDirections(SrtpProfile profile) {
        byte[] exported = new byte[profile.keyingMaterialLength()];
        for (int i = 0; i < exported.length; i++) {
            exported[i] = (byte) i;
        }
        SrtpSession client = new SrtpSession(SrtpKeyingMaterial.fromExport(profile, exported, true));
        SrtpSession server = new SrtpSession(SrtpKeyingMaterial.fromExport(profile, exported, false));
        PacketBuffer p = rtp(1, 3);
        assertThat(client.protectRtp(p)).isEqualTo(SrtpStatus.OK);
        assertThat(server.unprotectRtp(p)).isEqualTo(SrtpStatus.OK);
        PacketBuffer q = rtp(1, 4);
        assertThat(server.protectRtp(q)).isEqualTo(SrtpStatus.OK);
        assertThat(client.unprotectRtp(q)).isEqualTo(SrtpStatus.OK);
        assertThat(q.array()[20]).isEqualTo((byte) 24);
    }
}
