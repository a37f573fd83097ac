package org.vertogw.media.stun;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A decoded STUN message (RFC 8489 §5): header checks, the attribute list, and the checks ICE relies on. STUN is
 * the control path (a few packets per second per leg), so decoding copies the datagram and may allocate.
 * <p>
 * Decoding enforces RFC 8489 §6.3: the two top bits zero, the magic cookie, a length that is a multiple of 4 and
 * matches the datagram, attributes that fit, and a FINGERPRINT (when present) that is last and correct. Attributes
 * after MESSAGE-INTEGRITY other than FINGERPRINT are ignored (§14.5).
 */
public final class StunMessage {

    public static final int HEADER_LENGTH = 20;
    public static final int MAGIC_COOKIE = 0x2112A442;

    private final byte[] raw;
    private final int type;
    private final byte[] transactionId;
    private final List<StunAttribute> attributes;
    private final int integrityIndex;

    private StunMessage(byte[] raw, int type, byte[] transactionId, List<StunAttribute> attributes, int integrityIndex) {
        this.raw = raw;
        this.type = type;
        this.transactionId = transactionId;
        this.attributes = attributes;
        this.integrityIndex = integrityIndex;
    }

    public static StunMessage decode(byte[] buf, int off, int len) throws StunDecodeException {
        if (len < HEADER_LENGTH) {
            throw new StunDecodeException("datagram of " + len + " bytes is shorter than the 20-byte STUN header");
        }
        byte[] raw = Arrays.copyOfRange(buf, off, off + len);
        if ((raw[0] & 0xC0) != 0) {
            throw new StunDecodeException("header at offset 0: the two most significant bits are not zero");
        }
        int type = u16(raw, 0);
        int bodyLength = u16(raw, 2);
        if (bodyLength % 4 != 0) {
            throw new StunDecodeException("header at offset 2: length " + bodyLength + " is not a multiple of 4");
        }
        if (bodyLength + HEADER_LENGTH != len) {
            throw new StunDecodeException("header at offset 2: length " + bodyLength + " but datagram carries "
                    + (len - HEADER_LENGTH) + " bytes after the header");
        }
        int cookie = (u16(raw, 4) << 16) | u16(raw, 6);
        if (cookie != MAGIC_COOKIE) {
            throw new StunDecodeException(String.format("header at offset 4: magic cookie 0x%08x", cookie));
        }
        byte[] tid = Arrays.copyOfRange(raw, 8, 20);
        List<StunAttribute> attrs = new ArrayList<>();
        int integrity = -1;
        int p = HEADER_LENGTH;
        while (p < len) {
            if (p + 4 > len) {
                throw new StunDecodeException("attribute at offset " + p + ": truncated header");
            }
            int at = u16(raw, p);
            int alen = u16(raw, p + 2);
            if (p + 4 + alen > len) {
                throw new StunDecodeException(String.format("attribute 0x%04x at offset %d: length %d runs past the end",
                        at, p, alen));
            }
            StunAttribute a = new StunAttribute(at, p + 4, alen);
            checkLength(a, p);
            if (at == StunAttributeType.FINGERPRINT) {
                if (p + 8 != len) {
                    throw new StunDecodeException("attribute FINGERPRINT at offset " + p + " is not the last attribute");
                }
                int expected = Fingerprint.compute(raw, p, len - HEADER_LENGTH);
                int actual = (u16(raw, p + 4) << 16) | u16(raw, p + 6);
                if (expected != actual) {
                    throw new StunDecodeException("attribute FINGERPRINT at offset " + p + ": CRC mismatch");
                }
                attrs.add(a);
            } else if (integrity < 0) {
                if (at == StunAttributeType.MESSAGE_INTEGRITY) {
                    integrity = attrs.size();
                }
                attrs.add(a);
            }
            p += 4 + ((alen + 3) & ~3);
        }
        return new StunMessage(raw, type, tid, Collections.unmodifiableList(attrs), integrity);
    }

    private static void checkLength(StunAttribute a, int at) throws StunDecodeException {
        int expected = switch (a.type()) {
            case StunAttributeType.MESSAGE_INTEGRITY -> MessageIntegrity.LENGTH;
            case StunAttributeType.FINGERPRINT, StunAttributeType.PRIORITY -> 4;
            case StunAttributeType.ICE_CONTROLLED, StunAttributeType.ICE_CONTROLLING -> 8;
            case StunAttributeType.USE_CANDIDATE -> 0;
            default -> -1;
        };
        if (expected >= 0 && a.length() != expected) {
            throw new StunDecodeException(String.format("attribute 0x%04x at offset %d: length %d, expected %d",
                    a.type(), at, a.length(), expected));
        }
        if (a.type() == StunAttributeType.USERNAME && a.length() > 513) {
            throw new StunDecodeException("attribute USERNAME at offset " + at + ": length " + a.length() + " over 513");
        }
        if (a.type() == StunAttributeType.ERROR_CODE && a.length() < 4) {
            throw new StunDecodeException("attribute ERROR-CODE at offset " + at + ": length " + a.length() + " under 4");
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
        return transactionId.clone();
    }

    public boolean hasTransactionId(byte[] tid) {
        return Arrays.equals(transactionId, tid);
    }

    public List<StunAttribute> attributes() {
        return attributes;
    }

    public StunAttribute attribute(int attributeType) {
        for (StunAttribute a : attributes) {
            if (a.type() == attributeType) {
                return a;
            }
        }
        return null;
    }

    public boolean has(int attributeType) {
        return attribute(attributeType) != null;
    }

    /** Comprehension-required attributes this implementation does not know (RFC 8489 §6.3.1, answered with 420). */
    public List<Integer> unknownComprehensionRequired() {
        List<Integer> out = new ArrayList<>();
        for (StunAttribute a : attributes) {
            if (StunAttributeType.isComprehensionRequired(a.type()) && !StunAttributeType.isKnown(a.type())) {
                out.add(a.type());
            }
        }
        return out;
    }

    public String username() {
        StunAttribute a = attribute(StunAttributeType.USERNAME);
        return a == null ? null : new String(raw, a.valueOffset(), a.length(), StandardCharsets.UTF_8);
    }

    public String software() {
        StunAttribute a = attribute(StunAttributeType.SOFTWARE);
        return a == null ? null : new String(raw, a.valueOffset(), a.length(), StandardCharsets.UTF_8);
    }

    /** PRIORITY (RFC 8445 §7.1.1), or -1 when absent. */
    public long priority() {
        StunAttribute a = attribute(StunAttributeType.PRIORITY);
        return a == null ? -1 : readInt(a.valueOffset()) & 0xFFFFFFFFL;
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
        StunAttribute a = attribute(StunAttributeType.ICE_CONTROLLING);
        if (a == null) {
            a = attribute(StunAttributeType.ICE_CONTROLLED);
        }
        if (a == null) {
            return 0;
        }
        return ((long) readInt(a.valueOffset()) << 32) | (readInt(a.valueOffset() + 4) & 0xFFFFFFFFL);
    }

    /** The error code of an error response (RFC 8489 §14.8), or 0. */
    public int errorCode() {
        StunAttribute a = attribute(StunAttributeType.ERROR_CODE);
        if (a == null) {
            return 0;
        }
        return (raw[a.valueOffset() + 2] & 0x07) * 100 + (raw[a.valueOffset() + 3] & 0xFF);
    }

    public InetSocketAddress xorMappedAddress() throws StunDecodeException {
        StunAttribute a = attribute(StunAttributeType.XOR_MAPPED_ADDRESS);
        return a == null ? null : XorMappedAddress.decode(raw, a, transactionId);
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
        StunAttribute a = attributes.get(integrityIndex);
        int attrStart = a.valueOffset() - 4;
        int lengthField = attrStart + 4 + MessageIntegrity.LENGTH - HEADER_LENGTH;
        byte[] expected = key.scratch();
        key.compute(raw, attrStart, lengthField, expected, 0);
        int d = 0;
        for (int i = 0; i < MessageIntegrity.LENGTH; i++) {
            d |= expected[i] ^ raw[a.valueOffset() + i];
        }
        return d == 0;
    }

    public boolean hasFingerprint() {
        return has(StunAttributeType.FINGERPRINT);
    }

    /** The datagram as received. */
    public byte[] bytes() {
        return raw.clone();
    }

    private int readInt(int off) {
        return (u16(raw, off) << 16) | u16(raw, off + 2);
    }

    private static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    @Override
    public String toString() {
        return String.format("STUN %s method 0x%03x, %d attributes", stunClass(), method(), attributes.size());
    }
}
