package org.vertogw.media.stun;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Builds STUN messages in place: header, attributes in the order added (each padded to 4 bytes, RFC 8489 §14), then
 * optionally MESSAGE-INTEGRITY and FINGERPRINT, which must come last and in that order (§14.5, §14.7).
 * <p>
 * An ICE agent keeps one writer and {@code start}s each message in it: answering a check or sending one then
 * allocates nothing, which matters because every leg does so about once a second for the whole call. The static
 * factories make a fresh writer (tests, tools). Used by one thread at a time.
 */
public final class StunMessageWriter {

    private byte[] buf = new byte[256];
    private int pos;
    private int length = -1;
    private MessageIntegrity.Key integrityKey;
    private boolean fingerprint;
    private final CRC32 crc = new CRC32();
    /** The last address encoded and its bytes: {@code InetAddress.getAddress()} copies on every call. */
    private InetAddress lastAddress;

    private byte[] lastIp;

    public StunMessageWriter() {}

    public static StunMessageWriter request(int method) {
        return new StunMessageWriter().startRequest(method);
    }

    public static StunMessageWriter of(StunClass cls, int method, byte[] transactionId) {
        if (transactionId.length != 12) {
            throw new IllegalArgumentException("transaction id must be 12 bytes");
        }
        return new StunMessageWriter().start(cls, method, transactionId, 0);
    }

    /** Starts a message with the transaction id at {@code tid[tidOff..tidOff+12)}, dropping what was written. */
    private StunMessageWriter start(StunClass cls, int method, byte[] tid, int tidOff) {
        header(cls, method);
        System.arraycopy(tid, tidOff, buf, 8, 12);
        return this;
    }

    /** Starts a request with a fresh random transaction id. */
    public StunMessageWriter startRequest(int method) {
        header(StunClass.REQUEST, method);
        TransactionIds.next(buf, 8);
        return this;
    }

    /** Starts a response to {@code request} (same method and transaction id). */
    public StunMessageWriter startResponse(StunMessage request, StunClass cls) {
        header(cls, request.method());
        request.transactionId(buf, 8);
        return this;
    }

    private void header(StunClass cls, int method) {
        int type = StunMessageType.encode(cls, method);
        buf[0] = (byte) (type >>> 8);
        buf[1] = (byte) type;
        buf[2] = 0;
        buf[3] = 0;
        writeInt(4, StunMessage.MAGIC_COOKIE);
        pos = StunMessage.HEADER_LENGTH;
        length = -1;
        integrityKey = null;
        fingerprint = false;
    }

    public byte[] transactionId() {
        return Arrays.copyOfRange(buf, 8, 20);
    }

    /** Copies the transaction id into {@code dst[off..off+12)}. */
    public void transactionId(byte[] dst, int off) {
        System.arraycopy(buf, 8, dst, off, 12);
    }

    /** Writes an attribute header, zeroes its padding, and returns where its value goes. */
    private int attributeHeader(int attributeType, int valueLength) {
        if (length >= 0) {
            throw new IllegalStateException("message already finished");
        }
        int padded = (valueLength + 3) & ~3;
        ensure(pos + 4 + padded + 24 + 8);
        buf[pos] = (byte) (attributeType >>> 8);
        buf[pos + 1] = (byte) attributeType;
        buf[pos + 2] = (byte) (valueLength >>> 8);
        buf[pos + 3] = (byte) valueLength;
        int value = pos + 4;
        Arrays.fill(buf, value + valueLength, value + padded, (byte) 0);
        pos = value + padded;
        return value;
    }

    private void ensure(int capacity) {
        if (capacity > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(capacity, 2 * buf.length));
        }
    }

    public StunMessageWriter attribute(int attributeType, byte[] value) {
        int v = attributeHeader(attributeType, value.length);
        System.arraycopy(value, 0, buf, v, value.length);
        return this;
    }

    public StunMessageWriter username(String username) {
        return attribute(StunAttributeType.USERNAME, username.getBytes(StandardCharsets.UTF_8));
    }

    /** USERNAME {@code first ":" second} (RFC 8445 §7.2.2), from the two ufrags' bytes. */
    public StunMessageWriter username(byte[] first, byte[] second) {
        int v = attributeHeader(StunAttributeType.USERNAME, first.length + 1 + second.length);
        System.arraycopy(first, 0, buf, v, first.length);
        buf[v + first.length] = ':';
        System.arraycopy(second, 0, buf, v + first.length + 1, second.length);
        return this;
    }

    public StunMessageWriter software(String software) {
        return attribute(StunAttributeType.SOFTWARE, software.getBytes(StandardCharsets.UTF_8));
    }

    public StunMessageWriter priority(long priority) {
        writeInt(attributeHeader(StunAttributeType.PRIORITY, 4), (int) priority);
        return this;
    }

    public StunMessageWriter useCandidate() {
        attributeHeader(StunAttributeType.USE_CANDIDATE, 0);
        return this;
    }

    public StunMessageWriter iceControlling(long tieBreaker) {
        return tieBreaker(StunAttributeType.ICE_CONTROLLING, tieBreaker);
    }

    public StunMessageWriter iceControlled(long tieBreaker) {
        return tieBreaker(StunAttributeType.ICE_CONTROLLED, tieBreaker);
    }

    private StunMessageWriter tieBreaker(int attributeType, long tieBreaker) {
        int v = attributeHeader(attributeType, 8);
        writeInt(v, (int) (tieBreaker >>> 32));
        writeInt(v + 4, (int) tieBreaker);
        return this;
    }

    public StunMessageWriter xorMappedAddress(InetSocketAddress address) {
        InetAddress a = address.getAddress();
        if (a != lastAddress) {
            lastIp = a.getAddress();
            lastAddress = a;
        }
        int v = attributeHeader(StunAttributeType.XOR_MAPPED_ADDRESS, XorMappedAddress.valueLength(lastIp.length));
        XorMappedAddress.encode(lastIp, address.getPort(), buf, 0, v);
        return this;
    }

    public StunMessageWriter errorCode(int code, String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        int v = attributeHeader(StunAttributeType.ERROR_CODE, 4 + r.length);
        buf[v] = 0;
        buf[v + 1] = 0;
        buf[v + 2] = (byte) (code / 100);
        buf[v + 3] = (byte) (code % 100);
        System.arraycopy(r, 0, buf, v + 4, r.length);
        return this;
    }

    public StunMessageWriter unknownAttributes(List<Integer> types) {
        int v = attributeHeader(StunAttributeType.UNKNOWN_ATTRIBUTES, 2 * types.size());
        for (int i = 0; i < types.size(); i++) {
            buf[v + 2 * i] = (byte) (types.get(i) >>> 8);
            buf[v + 2 * i + 1] = (byte) (int) types.get(i);
        }
        return this;
    }

    public StunMessageWriter messageIntegrity(byte[] key) {
        return messageIntegrity(MessageIntegrity.Key.of(key));
    }

    public StunMessageWriter messageIntegrity(MessageIntegrity.Key key) {
        this.integrityKey = key;
        return this;
    }

    public StunMessageWriter fingerprint() {
        this.fingerprint = true;
        return this;
    }

    /** Appends MESSAGE-INTEGRITY and FINGERPRINT as asked and sets the length; the message is {@code array()[0..n)}. */
    public int finish() {
        if (length >= 0) {
            return length;
        }
        int p = pos;
        ensure(p + 24 + 8);
        if (integrityKey != null) {
            integrityKey.compute(buf, 0, p, p + 24 - StunMessage.HEADER_LENGTH, buf, p + 4);
            buf[p] = 0;
            buf[p + 1] = (byte) StunAttributeType.MESSAGE_INTEGRITY;
            buf[p + 2] = 0;
            buf[p + 3] = (byte) MessageIntegrity.LENGTH;
            p += 24;
        }
        if (fingerprint) {
            int value = Fingerprint.compute(crc, buf, 0, p, p + 8 - StunMessage.HEADER_LENGTH);
            buf[p] = (byte) (StunAttributeType.FINGERPRINT >>> 8);
            buf[p + 1] = (byte) StunAttributeType.FINGERPRINT;
            buf[p + 2] = 0;
            buf[p + 3] = 4;
            writeInt(p + 4, value);
            p += 8;
        }
        int bodyLength = p - StunMessage.HEADER_LENGTH;
        buf[2] = (byte) (bodyLength >>> 8);
        buf[3] = (byte) bodyLength;
        length = p;
        return length;
    }

    /** The buffer the message is written in; valid until the next {@code start}. */
    public byte[] array() {
        return buf;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(buf, finish());
    }

    private void writeInt(int off, int v) {
        buf[off] = (byte) (v >>> 24);
        buf[off + 1] = (byte) (v >>> 16);
        buf[off + 2] = (byte) (v >>> 8);
        buf[off + 3] = (byte) v;
    }
}
