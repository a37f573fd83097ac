package org.vertogw.media.rtp;

/**
 * Allocation-free view of an RTP fixed header (RFC 3550 §5.1) and its extension (§5.3.1), read in place from a
 * byte array. Callers check {@link #headerLength} first: it is the one method that validates.
 */
public final class RtpHeader {

    public static final int FIXED_LENGTH = 12;

    private RtpHeader() {}

    public static int version(byte[] b, int off) {
        return (b[off] & 0xC0) >>> 6;
    }

    public static boolean hasPadding(byte[] b, int off) {
        return (b[off] & 0x20) != 0;
    }

    public static boolean hasExtension(byte[] b, int off) {
        return (b[off] & 0x10) != 0;
    }

    public static int csrcCount(byte[] b, int off) {
        return b[off] & 0x0F;
    }

    public static boolean marker(byte[] b, int off) {
        return (b[off + 1] & 0x80) != 0;
    }

    public static int payloadType(byte[] b, int off) {
        return b[off + 1] & 0x7F;
    }

    public static int sequenceNumber(byte[] b, int off) {
        return ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    public static long timestamp(byte[] b, int off) {
        return Bytes.readInt(b, off + 4) & 0xFFFFFFFFL;
    }

    public static int ssrc(byte[] b, int off) {
        return Bytes.readInt(b, off + 8);
    }

    public static void setSsrc(byte[] b, int off, int ssrc) {
        Bytes.writeInt(b, off + 8, ssrc);
    }

    public static void setTimestamp(byte[] b, int off, long timestamp) {
        Bytes.writeInt(b, off + 4, (int) timestamp);
    }

    public static void setMarker(byte[] b, int off, boolean marker) {
        b[off + 1] = (byte) (marker ? b[off + 1] | 0x80 : b[off + 1] & 0x7F);
    }

    public static void setSequenceNumber(byte[] b, int off, int seq) {
        b[off + 2] = (byte) (seq >>> 8);
        b[off + 3] = (byte) seq;
    }

    /**
     * Length of the fixed header, CSRC list and header extension, or -1 when the packet is not version 2 or is
     * shorter than the header it announces.
     */
    public static int headerLength(byte[] b, int off, int len) {
        if (len < FIXED_LENGTH || version(b, off) != 2) {
            return -1;
        }
        int h = FIXED_LENGTH + 4 * csrcCount(b, off);
        if (hasExtension(b, off)) {
            if (len < h + 4) {
                return -1;
            }
            int words = ((b[off + h + 2] & 0xFF) << 8) | (b[off + h + 3] & 0xFF);
            h += 4 + 4 * words;
        }
        return h <= len ? h : -1;
    }
}
