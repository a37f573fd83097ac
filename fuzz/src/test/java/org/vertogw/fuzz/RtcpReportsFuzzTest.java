package org.vertogw.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertogw.media.rtcp.LegQuality;
import org.vertogw.media.rtcp.ReceptionReport;
import org.vertogw.media.rtcp.RtcpCompound;
import org.vertogw.media.rtcp.RtcpListener;
import org.vertogw.media.rtcp.SenderReportLog;
import org.vertogw.media.rtp.Bytes;

/**
 * Any decrypted RTCP a peer may send, read for call quality (RFC 3550 §6.4): the walk never throws, hands out only
 * report blocks that lie whole inside the packet, and the leg's figures stay in their ranges (loss 0..1, jitter and
 * round trip not negative).
 */
class RtcpReportsFuzzTest {

    static Stream<Arguments> packets() {
        return Stream.of(
                Seeds.bytes(Bytes.fromHex("81c90007112233440a11ce0040000102" + "00010fa0000001e0b705200000054000")),
                Seeds.bytes(Bytes.fromHex("80c80006" + "0a11ce00e94ab7052000c49b0001e2400000006400003e80")));
    }

    @MethodSource("packets")
    @FuzzTest
    void reportsAreReadInsideThePacketAndFiguresStayInRange(byte[] packet) {
        SenderReportLog log = new SenderReportLog();
        LegQuality leg = new LegQuality(48_000);
        RtcpCompound.walk(packet, packet.length, new RtcpListener() {
            @Override
            public void senderReport(long senderSsrc, int ntpMiddle) {
                log.relayed(ntpMiddle, 1_000_000_000L);
            }

            @Override
            public void receptionReport(long reporterSsrc, byte[] b, int off) {
                assertThat(off).isBetween(0, packet.length - ReceptionReport.SIZE);
                leg.report(b, off, 2_000_000_000L, log);
            }
        });
        assertThat(leg.lossRatio()).isBetween(0.0, 1.0);
        assertThat(leg.jitterSeconds()).isGreaterThanOrEqualTo(0.0);
        assertThat(leg.rttSeconds()).isGreaterThanOrEqualTo(-1.0);
    }
}
