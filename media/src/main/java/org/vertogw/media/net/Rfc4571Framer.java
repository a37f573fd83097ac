package org.vertogw.media.net;

import java.nio.ByteBuffer;
import org.vertogw.media.rtp.PacketBuffer;

/**
 * RFC 4571 §2 framing, as ICE-TCP uses it (RFC 6544 §3): each STUN, DTLS, RTP or RTCP packet on the stream is
 * preceded by its length as a 16-bit big-endian number. The inbound side holds at most one frame of
 * {@code maxFrame} bytes: a frame is refused from its length field alone, before any of its body is read, so a peer
 * cannot make the gateway buffer more than that per connection.
 */
public final class Rfc4571Framer {

    /** The length field. */
    public static final int HEADER = 2;
    /** {@link #next} found no complete frame yet. */
    public static final int INCOMPLETE = 0;
    /** {@link #next} found a length over the limit: the stream cannot be read further. */
    public static final int OVERSIZE = -1;

    private final ByteBuffer in;
    private final int maxFrame;

    /** @param maxFrame the largest frame accepted, at most 65,535 (what the length field can say) */
    public Rfc4571Framer(int maxFrame) {
        if (maxFrame < 1 || maxFrame > 0xFFFF) {
            throw new IllegalArgumentException("maximum frame " + maxFrame + " outside 1..65535");
        }
        this.maxFrame = maxFrame;
        this.in = ByteBuffer.allocate(HEADER + maxFrame);
    }

    public int maxFrame() {
        return maxFrame;
    }

    /** Where the next read from the stream goes (its position is the end of what is buffered). */
    public ByteBuffer readBuffer() {
        return in;
    }

    /** Bytes received and not yet handed out as frames. */
    public int buffered() {
        return in.position();
    }

    /**
     * Takes the next complete frame out of the buffer into {@code out}: its length, {@link #INCOMPLETE} or
     * {@link #OVERSIZE}. Empty frames carry nothing and are skipped.
     */
    public int next(PacketBuffer out) {
        byte[] a = in.array();
        while (true) {
            int avail = in.position();
            if (avail < HEADER) {
                return INCOMPLETE;
            }
            int len = ((a[0] & 0xFF) << 8) | (a[1] & 0xFF);
            if (len > maxFrame || len > out.capacity()) {
                return OVERSIZE;
            }
            if (avail < HEADER + len) {
                return INCOMPLETE;
            }
            if (len > 0) {
                out.set(a, HEADER, len);
            }
            int rest = avail - HEADER - len;
            System.arraycopy(a, HEADER + len, a, 0, rest);
            in.position(rest);
            if (len > 0) {
                return len;
            }
        }
    }

    /** Puts {@code buf[off..off+len)} into {@code out} with its length field. */
    public static void encode(byte[] buf, int off, int len, ByteBuffer out) {
        if (len < 0 || len > 0xFFFF) {
            throw new IllegalArgumentException("frame of " + len + " bytes: RFC 4571 allows 0..65535");
        }
        out.put((byte) (len >>> 8)).put((byte) len).put(buf, off, len);
    }
}
