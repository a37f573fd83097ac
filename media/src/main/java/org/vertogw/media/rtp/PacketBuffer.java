package org.vertogw.media.rtp;

/**
 * A reusable datagram envelope: the bytes (always starting at index 0), their length and the arrival time. The media
 * path owns a few of these per thread and never allocates one per packet; protection grows {@link #length()} in
 * place, so the array keeps {@link #HEADROOM} bytes past the largest datagram for tags and SRTCP indexes.
 */
public final class PacketBuffer {

    /** Largest datagram accepted; larger ones are truncated by the socket and discarded. */
    public static final int MAX_DATAGRAM = 1500;
    /** Room for the largest SRTP/SRTCP trailer (16-byte tag plus 4-byte index) and then some. */
    public static final int HEADROOM = 64;

    private final byte[] array;
    private int length;
    private long receivedNanos;

    public PacketBuffer() {
        this(MAX_DATAGRAM + HEADROOM);
    }

    public PacketBuffer(int capacity) {
        this.array = new byte[capacity];
    }

    public byte[] array() {
        return array;
    }

    public int length() {
        return length;
    }

    public int capacity() {
        return array.length;
    }

    public void setLength(int length) {
        if (length < 0 || length > array.length) {
            throw new IllegalArgumentException("length " + length + " outside 0.." + array.length);
        }
        this.length = length;
    }

    /** Copies {@code len} bytes in and sets the length. */
    public void set(byte[] src, int off, int len) {
        System.arraycopy(src, off, array, 0, len);
        this.length = len;
    }

    public long receivedNanos() {
        return receivedNanos;
    }

    public void setReceivedNanos(long receivedNanos) {
        this.receivedNanos = receivedNanos;
    }
}
