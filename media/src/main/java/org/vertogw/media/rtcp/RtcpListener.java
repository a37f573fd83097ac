package org.vertogw.media.rtcp;

/**
 * What {@link RtcpCompound#walk} finds in a compound RTCP packet that call quality needs: sender reports and
 * reception report blocks (RFC 3550 §6.4). Called on the media thread, with the packet's own array: an
 * implementation reads what it needs at once and keeps no reference.
 */
public interface RtcpListener {

    /** A sender report (PT 200) whose NTP timestamp has {@code ntpMiddle} as its middle 32 bits (RFC 3550 §6.4.1). */
    void senderReport(long senderSsrc, int ntpMiddle);

    /** A reception report block of 24 bytes at {@code b[off]}; read it with {@link ReceptionReport}. */
    void receptionReport(long reporterSsrc, byte[] b, int off);
}
