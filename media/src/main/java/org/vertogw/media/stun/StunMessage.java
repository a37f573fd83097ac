package org.vertogw.media.stun;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A STUN message (RFC 8489 §5) read in place: header checks, where each attribute is, and the checks ICE relies on.
 * <p>
 * Every leg hears a check about once a second for the whole call, so the media thread keeps one reader per leg (or
 * shared port) and {@link #wrap}s each datagram: nothing is copied or allocated unless the datagram is malformed.
 * A wrapped message is valid until its buffer is reused. {@link #decode} makes a standalone copy (tests, tools).
 * <p>
 * Reading enforces RFC 8489 §6.3: the two top bits zero, the magic cookie, a length that is a multiple of 4 and
 * matches the datagram, attributes that fit, and a FINGERPRINT (when present) that is last and correct. Attributes
 * after MESSAGE-INTEGRITY other than FINGERPRINT are ignored (§14.5). More than {@value #MAX_ATTRIBUTES} attributes
 * are refused: an ICE check carries about seven.
 */
public final class StunMessage {

    public static final int HEADER_LENGTH = 20;
    public static final int MAGIC_COOKIE = 0x2112A442;
    static final int MAX_ATTRIBUTES = 32;

    private final int[] types = new int[MAX_ATTRIBUTES];
    private final int[] offsets = new int[MAX_ATTRIBUTES];
    private final int[] lengths = new int[MAX_ATTRIBUTES];
    private final CRC32 crc = new CRC32();
    private byte[] raw;
    private int base;
    private int length;
    private int type;
    private int count;
    private int integrityIndex;

    /** An empty reader; {@link #wrap} fills it. Used by one thread at a time. */
    public StunMessage() {}

    /** A message over its own copy of {@code buf[off..off+len)}. */
    public static StunMessage decode(byte[] buf, int off, int len) throws StunDecodeException {
        StunMessage m = new StunMessage();
        m.wrap(Arrays.copyOfRange(buf, off, off + Math.max(len, 0)), 0, len);
        return m;
    }

    /** Reads {@code buf[off..off+len)} in place; the buffer must stay unchanged while this message is used. */
    public StunMessage wrap(byte[] buf, int off, int len) throws StunDecodeException {
        raw = null;
        count = 0;
        integrityIndex = -1;
        if (len < HEADER_LENGTH) {
            throw new StunDecodeException("datagram of " + len + " bytes is shorter than the 20-byte STUN header");
        }
        if ((buf[off] & 0xC0) != 0) {
            throw new StunDecodeException("header at offset 0: the two most significant bits are not zero");
        }
        int bodyLength = u16(buf, off + 2);
        if (bodyLength % 4 != 0) {
            throw new StunDecodeException("header at offset 2: length " + bodyLength + " is not a multiple of 4");
        }
        if (bodyLength + HEADER_LENGTH != len) {
            throw new StunDecodeException("header at offset 2: length " + bodyLength + " but datagram carries "
                    + (len - HEADER_LENGTH) + " bytes after the header");
        }
        int cookie = (u16(buf, off + 4) << 16) | u16(buf, off + 6);
        if (cookie != MAGIC_COOKIE) {
            throw new StunDecodeException(String.format("header at offset 4: magic cookie 0x%08x", cookie));
        }
        int p = HEADER_LENGTH;
        while (p < len) {
            if (p + 4 > len) {
                throw new StunDecodeException("attribute at offset " + p + ": truncated header");
            }
            int at = u16(buf, off + p);
            int alen = u16(buf, off + p + 2);
            if (p + 4 + alen > len) {
                throw new StunDecodeException(
                        String.format("attribute 0x%04x at offset %d: length %d runs past the end", at, p, alen));
            }
            checkLength(at, alen, p);
            if (at == StunAttributeType.FINGERPRINT) {
                if (p + 8 != len) {
                    throw new StunDecodeException(
                            "attribute FINGERPRINT at offset " + p + " is not the last attribute");
                }
                int expected = Fingerprint.compute(crc, buf, off, p, len - HEADER_LENGTH);
                int actual = (u16(buf, off + p + 4) << 16) | u16(buf, off + p + 6);
                if (expected != actual) {
                    throw new StunDecodeException("attribute FINGERPRINT at offset " + p + ": CRC mismatch");
                }
                add(at, p + 4, alen);
            } else if (integrityIndex < 0) {
                if (at == StunAttributeType.MESSAGE_INTEGRITY) {
                    integrityIndex = count;
                }
                add(at, p + 4, alen);
            }
            p += 4 + ((alen + 3) & ~3);
        }
        this.raw = buf;
        this.base = off;
        this.length = len;
        this.type = u16(buf, off);
        return this;
    }

    private void add(int at, int valueOffset, int alen) throws StunDecodeException {
        if (count == MAX_ATTRIBUTES) {
            throw new StunDecodeException(
                    "attribute at offset " + (valueOffset - 4) + ": more than " + MAX_ATTRIBUTES + " attributes");
        }
        types[count] = at;
        offsets[count] = valueOffset;
        lengths[count] = alen;
        count++;
    }

    private static void checkLength(int at, int alen, int p) throws StunDecodeException {
        int expected = switch (at) {
            case StunAttributeType.MESSAGE_INTEGRITY -> MessageIntegrity.LENGTH;
            case StunAttributeType.FINGERPRINT, StunAttributeType.PRIORITY -> 4;
            case StunAttributeType.ICE_CONTROLLED, StunAttributeType.ICE_CONTROLLING -> 8;
            case StunAttributeType.USE_CANDIDATE -> 0;
            default -> -1;
        };
        if (expected >= 0 && alen != expected) {
            throw new StunDecodeException(
                    String.format("attribute 0x%04x at offset %d: length %d, expected %d", at, p, alen, expected));
        }
        if (at == StunAttributeType.USERNAME && alen > 513) {
            throw new StunDecodeException("attribute USERNAME at offset " + p + ": length " + alen + " over 513");
        }
        if (at == StunAttributeType.ERROR_CODE && alen < 4) {
            throw new StunDecodeException("attribute ERROR-CODE at offset " + p + ": length " + alen + " under 4");
        }
    }

    public StunClass stunClass() {
        return StunMessageType.classOf(type);
    }

    public int method() {
        return StunMessageType.methodOf(type);
    }

    public boolean isBindingRequest() {
        return method() == StunMessageType.BINDING && stunClass() == StunClass.REQUEST;
    }

    public byte[] transactionId() {
        return Arrays.copyOfRange(raw, base + 8, base + HEADER_LENGTH);
    }

    /** Copies the 12-byte transaction id into {@code dst[off..off+12)}. */
    public void transactionId(byte[] dst, int off) {
        System.arraycopy(raw, base + 8, dst, off, 12);
    }

    public boolean hasTransactionId(byte[] tid) {
        return Arrays.equals(raw, base + 8, base + HEADER_LENGTH, tid, 0, tid.length);
    }

    /** Whether the transaction id equals {@code ids[off..off+12)}. */
    public boolean hasTransactionId(byte[] ids, int off) {
        return Arrays.equals(raw, base + 8, base + HEADER_LENGTH, ids, off, off + 12);
    }

    private int index(int attributeType) {
        for (int i = 0; i < count; i++) {
            if (types[i] == attributeType) {
                return i;
            }
        }
        return -1;
    }

    public boolean has(int attributeType) {
        return index(attributeType) >= 0;
    }

    /** Whether a comprehension-required attribute this implementation does not know is present (§6.3.1). */
    public boolean hasUnknownComprehensionRequired() {
        for (int i = 0; i < count; i++) {
            if (StunAttributeType.isComprehensionRequired(types[i]) && !StunAttributeType.isKnown(types[i])) {
                return true;
            }
        }
        return false;
    }

    /** Comprehension-required attributes this implementation does not know (RFC 8489 §6.3.1, answered with 420). */
    public List<Integer> unknownComprehensionRequired() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (StunAttributeType.isComprehensionRequired(types[i]) && !StunAttributeType.isKnown(types[i])) {
                out.add(types[i]);
            }
        }
        return out;
    }

    public String username() {
        return text(StunAttributeType.USERNAME);
    }

    public String software() {
        return text(StunAttributeType.SOFTWARE);
    }

    private String text(int attributeType) {
        int i = index(attributeType);
        return i < 0 ? null : new String(raw, base + offsets[i], lengths[i], StandardCharsets.UTF_8);
    }

    /**
     * Whether USERNAME is exactly {@code first ":" second} (RFC 8445 §7.2.2), or, with {@code second} null, starts
     * with {@code first ":"}. Compares bytes: no string per check.
     */
    public boolean usernameIs(byte[] first, byte[] second) {
        int i = index(StunAttributeType.USERNAME);
        if (i < 0) {
            return false;
        }
        int off = base + offsets[i];
        int len = lengths[i];
        int colon = first.length;
        if (len < colon + 1 || raw[off + colon] != ':' || !Arrays.equals(raw, off, off + colon, first, 0, colon)) {
            return false;
        }
        return second == null
                || (len == colon + 1 + second.length
                        && Arrays.equals(raw, off + colon + 1, off + len, second, 0, second.length));
    }

    /** Where USERNAME's part before the first colon (the receiver's ufrag) lies in {@link #array()}; -1 if absent. */
    public int usernameLocalOffset() {
        int i = index(StunAttributeType.USERNAME);
        return i < 0 ? -1 : base + offsets[i];
    }

    /** The length of USERNAME's part before the first colon (all of it without a colon); 0 if absent. */
    public int usernameLocalLength() {
        int i = index(StunAttributeType.USERNAME);
        if (i < 0) {
            return 0;
        }
        int off = base + offsets[i];
        for (int k = 0; k < lengths[i]; k++) {
            if (raw[off + k] == ':') {
                return k;
            }
        }
        return lengths[i];
    }

    /** The buffer this message was read from. */
    public byte[] array() {
        return raw;
    }

    /** PRIORITY (RFC 8445 §7.1.1), or -1 when absent. */
    public long priority() {
        int i = index(StunAttributeType.PRIORITY);
        return i < 0 ? -1 : readInt(offsets[i]) & 0xFFFFFFFFL;
    }

    public boolean useCandidate() {
        return has(StunAttributeType.USE_CANDIDATE);
    }

    public boolean iceControlling() {
        return has(StunAttributeType.ICE_CONTROLLING);
    }

    public boolean iceControlled() {
        return has(StunAttributeType.ICE_CONTROLLED);
    }

    /** The tie-breaker of ICE-CONTROLLING or ICE-CONTROLLED (RFC 8445 §7.1.3), whichever is present. */
    public long tieBreaker() {
        int i = index(StunAttributeType.ICE_CONTROLLING);
        if (i < 0) {
            i = index(StunAttributeType.ICE_CONTROLLED);
        }
        if (i < 0) {
            return 0;
        }
        return ((long) readInt(offsets[i]) << 32) | (readInt(offsets[i] + 4) & 0xFFFFFFFFL);
    }

    /** The error code of an error response (RFC 8489 §14.8), or 0. */
    public int errorCode() {
        int i = index(StunAttributeType.ERROR_CODE);
        if (i < 0) {
            return 0;
        }
        int v = base + offsets[i];
        return (raw[v + 2] & 0x07) * 100 + (raw[v + 3] & 0xFF);
    }

    public InetSocketAddress xorMappedAddress() throws StunDecodeException {
        int i = index(StunAttributeType.XOR_MAPPED_ADDRESS);
        return i < 0 ? null : XorMappedAddress.decode(raw, base, offsets[i], lengths[i]);
    }

    public boolean hasMessageIntegrity() {
        return integrityIndex >= 0;
    }

    /** Checks MESSAGE-INTEGRITY with the given key; false when absent or wrong. */
    public boolean verifyMessageIntegrity(byte[] key) {
        return verifyMessageIntegrity(MessageIntegrity.Key.of(key));
    }

    /** Checks MESSAGE-INTEGRITY with an agent's key, allocating nothing; false when absent or wrong. */
    public boolean verifyMessageIntegrity(MessageIntegrity.Key key) {
        if (integrityIndex < 0) {
            return false;
        }
        int value = offsets[integrityIndex];
        int attrStart = value - 4;
        int lengthField = attrStart + 4 + MessageIntegrity.LENGTH - HEADER_LENGTH;
        byte[] expected = key.scratch();
        key.compute(raw, base, attrStart, lengthField, expected, 0);
        int d = 0;
        for (int i = 0; i < MessageIntegrity.LENGTH; i++) {
            d |= expected[i] ^ raw[base + value + i];
        }
        return d == 0;
    }

    public boolean hasFingerprint() {
        return has(StunAttributeType.FINGERPRINT);
    }

    /** The datagram as received. */
    public byte[] bytes() {
        return Arrays.copyOfRange(raw, base, base + length);
    }

    private int readInt(int off) {
        return (u16(raw, base + off) << 16) | u16(raw, base + off + 2);
    }

    private static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    @Override
    public String toString() {
        return raw == null
                ? "STUN (nothing read)"
                : String.format("STUN %s method 0x%03x, %d attributes", stunClass(), method(), count);
    }
}
