package org.vertogw.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertogw.media.rtp.Bytes;

/**
 * RFC 3550 §6.4: sender and receiver reports read from annotated packets, the round-trip example of §6.4.1
 * (Figure 2), jitter in seconds by the clock rate, and a leg's round trip measured from the instant an SR was
 * relayed.
 */
class Rfc3550ReceptionReportTest {

    /** An RR (PT 201) from SSRC 0x11223344 with one block about SSRC 0x0A11CE00. */
    static final byte[] RECEIVER_REPORT = Bytes.fromHex(
            "81c90007" // V=2 P=0 RC=1, PT=201, length 7 (32 bytes)
                    + "11223344" // reporter SSRC
                    + "0a11ce00" // SSRC_1
                    + "40" // fraction lost 64/256 = 0.25
                    + "000102" // cumulative lost 258
                    + "00010fa0" // extended highest sequence: cycle 1, seq 4000
                    + "000001e0" // jitter 480 (10 ms at 48 kHz)
                    + "b7052000" // LSR
                    + "00054000"); // DLSR 5.25 s

    /** A compound SR (PT 200, one block) followed by an SDES with a CNAME. */
    static final byte[] SENDER_REPORT_AND_SDES = Bytes.fromHex(
            "81c8000c" // V=2 RC=1, PT=200, length 12 (52 bytes)
                    + "0a11ce00" // sender SSRC
                    + "e94ab7052000c49b" // NTP timestamp e94ab705.2000c49b: middle 32 bits b7052000
                    + "0001e240" // RTP timestamp
                    + "00000064" // packet count
                    + "00003e80" // octet count
                    + "11223344" // SSRC_1
                    + "ff" // fraction lost 255/256
                    + "ffffff" // cumulative lost -1 (duplicates)
                    + "00000010" // extended highest sequence
                    + "00000000" // jitter
                    + "00000000" // LSR: no SR received yet
                    + "00000000" // DLSR
                    + "81ca0003" // SDES, SC=1, length 3
                    + "0a11ce00"
                    + "01026162" // CNAME "ab"
                    + "00000000");

    @Test
    void roundTripOfSection641Figure2() {
        // A = 0xb710:8000 (46864.500 s), LSR = 0xb705:2000 (46853.125 s), DLSR = 0x0005:4000 (5.250 s)
        long rtt = RoundTripTime.compact(0xb7108000, 0xb7052000, 0x00054000);
        assertThat(rtt).isEqualTo(0x00062000L);
        assertThat(rtt / (double) RoundTripTime.UNITS_PER_SECOND).isEqualTo(6.125);
    }

    @Test
    void aReportThatNamesNoSenderReportHasNoRoundTrip() {
        assertThat(RoundTripTime.compact(0xb7108000, 0, 0)).isEqualTo(-1);
        assertThat(RoundTripTime.compact(0xb7000000, 0xb7052000, 0))
                .as("older than its SR")
                .isEqualTo(-1);
    }

    @Test
    void receiverReportBlockFields() {
        List<String> seen = new ArrayList<>();
        RtcpCompound.Outcome o = RtcpCompound.walk(RECEIVER_REPORT, RECEIVER_REPORT.length, new RtcpListener() {
            @Override
            public void senderReport(long senderSsrc, int ntpMiddle) {
                seen.add("sr");
            }

            @Override
            public void receptionReport(long reporterSsrc, byte[] b, int off) {
                assertThat(reporterSsrc).isEqualTo(0x11223344L);
                assertThat(ReceptionReport.sourceSsrc(b, off)).isEqualTo(0x0A11CE00L);
                assertThat(ReceptionReport.fractionLost(b, off)).isEqualTo(64);
                assertThat(ReceptionReport.cumulativeLost(b, off)).isEqualTo(258);
                assertThat(ReceptionReport.extendedHighestSequence(b, off)).isEqualTo(65_536L + 4000);
                assertThat(ReceptionReport.jitter(b, off)).isEqualTo(480);
                assertThat(ReceptionReport.lastSenderReport(b, off)).isEqualTo(0xb7052000);
                assertThat(ReceptionReport.delaySinceLastSenderReport(b, off)).isEqualTo(0x00054000);
                seen.add("rr");
            }
        });
        assertThat(o).isEqualTo(RtcpCompound.Outcome.OK);
        assertThat(seen).containsExactly("rr");
    }

    @Test
    void senderReportInACompoundGivesItsNtpMiddleAndItsBlock() {
        List<String> seen = new ArrayList<>();
        RtcpCompound.Outcome o =
                RtcpCompound.walk(SENDER_REPORT_AND_SDES, SENDER_REPORT_AND_SDES.length, new RtcpListener() {
                    @Override
                    public void senderReport(long senderSsrc, int ntpMiddle) {
                        seen.add(Long.toHexString(senderSsrc) + " " + Integer.toHexString(ntpMiddle));
                    }

                    @Override
                    public void receptionReport(long reporterSsrc, byte[] b, int off) {
                        seen.add(ReceptionReport.fractionLost(b, off) + " " + ReceptionReport.cumulativeLost(b, off));
                    }
                });
        assertThat(o).isEqualTo(RtcpCompound.Outcome.OK);
        assertThat(seen).containsExactly("a11ce00 b7052000", "255 -1");
    }

    @Test
    void aLengthPastTheDatagramStopsTheWalk() {
        byte[] cut = java.util.Arrays.copyOf(RECEIVER_REPORT, 28);
        List<String> seen = new ArrayList<>();
        assertThat(RtcpCompound.walk(cut, cut.length, new Recording(seen))).isEqualTo(RtcpCompound.Outcome.MALFORMED);
        byte[] badCount = RECEIVER_REPORT.clone();
        badCount[0] = (byte) 0x82; // RC=2 in a packet with room for one block
        assertThat(RtcpCompound.walk(badCount, badCount.length, new Recording(seen)))
                .isEqualTo(RtcpCompound.Outcome.MALFORMED);
        byte[] version1 = RECEIVER_REPORT.clone();
        version1[0] = (byte) 0x41;
        assertThat(RtcpCompound.walk(version1, version1.length, new Recording(seen)))
                .isEqualTo(RtcpCompound.Outcome.MALFORMED);
        assertThat(seen).isEmpty();
    }

    @Test
    void legQualityTakesLossJitterAndTheRoundTripFromTheRelayedSenderReport() {
        SenderReportLog relayed = new SenderReportLog();
        long t0 = 5_000_000_000L;
        relayed.relayed(0x12345678, t0 - 1_000_000_000L);
        relayed.relayed(0xb7052000, t0);
        byte[] rr = RECEIVER_REPORT.clone();
        // DLSR 100 ms; the report arrives 150 ms after the SR was relayed: 50 ms for the round trip
        Bytes.writeInt(rr, 28, (int) (0.100 * RoundTripTime.UNITS_PER_SECOND));
        LegQuality leg = new LegQuality(48_000);
        assertThat(leg.rttSeconds()).isEqualTo(-1);
        leg.report(rr, 8, t0 + 150_000_000L, relayed);
        assertThat(leg.lossRatio()).isEqualTo(0.25);
        assertThat(leg.cumulativeLost()).isEqualTo(258);
        assertThat(leg.jitterSeconds()).isEqualTo(0.010);
        assertThat(leg.rttSeconds()).isCloseTo(0.050, within(0.0001));
        assertThat(leg.reports()).isEqualTo(1);
        assertThat(leg.roundTrips()).isEqualTo(1);

        Bytes.writeInt(rr, 24, 0x0badcafe); // an SR never relayed toward this peer
        leg.report(rr, 8, t0 + 300_000_000L, relayed);
        assertThat(leg.reports()).isEqualTo(2);
        assertThat(leg.roundTrips()).as("no SR to measure from").isEqualTo(1);
    }

    @Test
    void walkingAndReportingAllocateNothing() {
        SenderReportLog log = new SenderReportLog();
        LegQuality leg = new LegQuality(48_000);
        RtcpListener listener = new RtcpListener() {
            @Override
            public void senderReport(long senderSsrc, int ntpMiddle) {
                log.relayed(ntpMiddle, System.nanoTime());
            }

            @Override
            public void receptionReport(long reporterSsrc, byte[] b, int off) {
                leg.report(b, off, System.nanoTime(), log);
            }
        };
        for (int i = 0; i < 20_000; i++) {
            RtcpCompound.walk(SENDER_REPORT_AND_SDES, SENDER_REPORT_AND_SDES.length, listener);
            RtcpCompound.walk(RECEIVER_REPORT, RECEIVER_REPORT.length, listener);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(self);
        for (int i = 0; i < 100_000; i++) {
            RtcpCompound.walk(SENDER_REPORT_AND_SDES, SENDER_REPORT_AND_SDES.length, listener);
            RtcpCompound.walk(RECEIVER_REPORT, RECEIVER_REPORT.length, listener);
        }
        long allocated = mx.getThreadAllocatedBytes(self) - before;
        assertThat(allocated).as("bytes allocated by 200,000 walks").isLessThan(10_000);
        assertThat(leg.reports()).isEqualTo(240_000);
    }

    private record Recording(List<String> seen) implements RtcpListener {
        @Override
        public void senderReport(long senderSsrc, int ntpMiddle) {
            seen.add("sr");
        }

        @Override
        public void receptionReport(long reporterSsrc, byte[] b, int off) {
            seen.add("rr");
        }
    }
}
