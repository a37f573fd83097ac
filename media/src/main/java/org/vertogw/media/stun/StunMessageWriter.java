package org.vertogw.media.stun;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/**
 * Builds one STUN message: header, attributes in the order added (each padded to 4 bytes, RFC 8489 §14), then
 * optionally MESSAGE-INTEGRITY and FINGERPRINT, which must come last and in that order (§14.5, §14.7).
 */
public final class StunMessageWriter {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    private final byte[] transactionId;
    private final int type;
    private MessageIntegrity.Key integrityKey;
    private boolean fingerprint;

    private StunMessageWriter(StunClass cls, int method, byte[] transactionId) {
        if (transactionId.length != 12) {
            throw new IllegalArgumentException("transaction id must be 12 bytes");
        }
        this.type = StunMessageType.encode(cls, method);
        this.transactionId = transactionId.clone();
    }

    public static StunMessageWriter request(int method) {
        return new StunMessageWriter(StunClass.REQUEST, method, newTransactionId());
    }

    public static StunMessageWriter of(StunClass cls, int method, byte[] transactionId) {
        return new StunMessageWriter(cls, method, transactionId);
    }

    /** A response to {@code request}: same method and transaction id (RFC 8489 §6.3.1.1). */
    public static StunMessageWriter successResponse(StunMessage request) {
        return new StunMessageWriter(StunClass.SUCCESS_RESPONSE, request.method(), request.transactionId());
    }

    public static StunMessageWriter errorResponse(StunMessage request, int code, String reason) {
        return new StunMessageWriter(StunClass.ERROR_RESPONSE, request.method(), request.transactionId())
                .errorCode(code, reason);
    }

    public static byte[] newTransactionId() {
        byte[] tid = new byte[12];
        RANDOM.nextBytes(tid);
        return tid;
    }

    public byte[] transactionId() {
        return transactionId.clone();
    }

    public StunMessageWriter attribute(int attributeType, byte[] value) {
        out.write(attributeType >>> 8);
        out.write(attributeType);
        out.write(value.length >>> 8);
        out.write(value.length);
        out.write(value, 0, value.length);
        for (int i = value.length; i % 4 != 0; i++) {
            out.write(0);
        }
        return this;
    }

    public StunMessageWriter username(String username) {
        return attribute(StunAttributeType.USERNAME, username.getBytes(StandardCharsets.UTF_8));
    }

    public StunMessageWriter software(String software) {
        return attribute(StunAttributeType.SOFTWARE, software.getBytes(StandardCharsets.UTF_8));
    }

    public StunMessageWriter priority(long priority) {
        return attribute(StunAttributeType.PRIORITY, int32((int) priority));
    }

    public StunMessageWriter useCandidate() {
        return attribute(StunAttributeType.USE_CANDIDATE, new byte[0]);
    }

    public StunMessageWriter iceControlling(long tieBreaker) {
        return attribute(StunAttributeType.ICE_CONTROLLING, int64(tieBreaker));
    }

    public StunMessageWriter iceControlled(long tieBreaker) {
        return attribute(StunAttributeType.ICE_CONTROLLED, int64(tieBreaker));
    }

    public StunMessageWriter xorMappedAddress(InetSocketAddress address) {
        return attribute(StunAttributeType.XOR_MAPPED_ADDRESS, XorMappedAddress.encode(address, transactionId));
    }

    public StunMessageWriter errorCode(int code, String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] v = new byte[4 + r.length];
        v[2] = (byte) (code / 100);
        v[3] = (byte) (code % 100);
        System.arraycopy(r, 0, v, 4, r.length);
        return attribute(StunAttributeType.ERROR_CODE, v);
    }

    public StunMessageWriter unknownAttributes(List<Integer> types) {
        byte[] v = new byte[2 * types.size()];
        for (int i = 0; i < types.size(); i++) {
            v[2 * i] = (byte) (types.get(i) >>> 8);
            v[2 * i + 1] = (byte) (int) types.get(i);
        }
        return attribute(StunAttributeType.UNKNOWN_ATTRIBUTES, v);
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

    public byte[] toBytes() {
        byte[] body = out.toByteArray();
        int total = StunMessage.HEADER_LENGTH + body.length + (integrityKey != null ? 24 : 0) + (fingerprint ? 8 : 0);
        byte[] msg = new byte[total];
        msg[0] = (byte) (type >>> 8);
        msg[1] = (byte) type;
        msg[4] = (byte) (StunMessage.MAGIC_COOKIE >>> 24);
        msg[5] = (byte) (StunMessage.MAGIC_COOKIE >>> 16);
        msg[6] = (byte) (StunMessage.MAGIC_COOKIE >>> 8);
        msg[7] = (byte) StunMessage.MAGIC_COOKIE;
        System.arraycopy(transactionId, 0, msg, 8, 12);
        System.arraycopy(body, 0, msg, StunMessage.HEADER_LENGTH, body.length);
        int p = StunMessage.HEADER_LENGTH + body.length;
        if (integrityKey != null) {
            integrityKey.compute(msg, p, p + 24 - StunMessage.HEADER_LENGTH, msg, p + 4);
            msg[p] = 0;
            msg[p + 1] = (byte) StunAttributeType.MESSAGE_INTEGRITY;
            msg[p + 3] = (byte) MessageIntegrity.LENGTH;
            p += 24;
        }
        if (fingerprint) {
            int crc = Fingerprint.compute(msg, p, p + 8 - StunMessage.HEADER_LENGTH);
            msg[p] = (byte) (StunAttributeType.FINGERPRINT >>> 8);
            msg[p + 1] = (byte) StunAttributeType.FINGERPRINT;
            msg[p + 3] = 4;
            System.arraycopy(int32(crc), 0, msg, p + 4, 4);
            p += 8;
        }
        int bodyLength = p - StunMessage.HEADER_LENGTH;
        msg[2] = (byte) (bodyLength >>> 8);
        msg[3] = (byte) bodyLength;
        return msg;
    }

    private static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static byte[] int64(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (56 - 8 * i));
        }
        return b;
    }
}
