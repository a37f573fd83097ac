package org.vertogw.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 4585 §6.3.1 PLI and RFC 5104 §4.3.1 FIR found in compound packets, and the PLI written as Chromium does. */
class PayloadSpecificFeedbackTest {

    /** RR (sender 0x11223344, no report block), then PLI from 0x11223344 about 0x55667788. */
    private static final String RR_THEN_PLI = "81c90001" + "11223344" + "81ce0002" + "11223344" + "55667788";

    /** RR, then REMB (PSFB FMT 15, "REMB", one SSRC): feedback that asks for no key frame. */
    private static final String RR_THEN_REMB =
            "81c90001" + "11223344" + "8fce0005" + "11223344" + "00000000" + "52454d42" + "01000a00" + "55667788";

    /** FIR (FMT 4) with one FCI entry: SSRC 0x55667788, sequence number 7. */
    private static final String FIR = "84ce0004" + "11223344" + "00000000" + "55667788" + "07000000";

    @Test
    void aPliAfterAReceiverReportIsFound() {
        byte[] b = Bytes.fromHex(RR_THEN_PLI);
        assertThat(PayloadSpecificFeedback.requestsKeyFrame(b, 0, b.length)).isTrue();
    }

    @Test
    void aFirIsFound() {
        byte[] b = Bytes.fromHex(FIR);
        assertThat(PayloadSpecificFeedback.requestsKeyFrame(b, 0, b.length)).isTrue();
    }

    @Test
    void rembAndReportsAreNotKeyFrameRequests() {
        byte[] b = Bytes.fromHex(RR_THEN_REMB);
        assertThat(PayloadSpecificFeedback.requestsKeyFrame(b, 0, b.length)).isFalse();
    }

    @Test
    void aTruncatedCompoundPacketEndsTheWalk() {
        byte[] b = Bytes.fromHex(RR_THEN_PLI);
        assertThat(PayloadSpecificFeedback.requestsKeyFrame(b, 0, 10)).isFalse();
        byte[] zeroLength = Bytes.fromHex("81ce0000");
        assertThat(PayloadSpecificFeedback.requestsKeyFrame(zeroLength, 0, 4)).isFalse();
    }

    @Test
    void theWrittenPliIsTheWirePli() {
        byte[] b = new byte[12];
        int n = PayloadSpecificFeedback.writePli(b, 0, 0x11223344, 0x55667788);
        assertThat(n).isEqualTo(12);
        assertThat(Bytes.hex(b, 0, n)).isEqualTo("81ce00021122334455667788");
        assertThat(PayloadSpecificFeedback.requestsKeyFrame(b, 0, n)).isTrue();
    }
}
