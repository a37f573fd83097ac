package org.vertogw.media.stun;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * XOR-MAPPED-ADDRESS (RFC 8489 §14.2): family, port XOR the cookie's high 16 bits, address XOR the cookie (IPv4) or
 * the cookie followed by the transaction id (IPv6). Those are header bytes 4..20 of the message itself, so the mask
 * is read from there.
 */
public final class XorMappedAddress {

    private XorMappedAddress() {}

    /** The value's length for an address of {@code ipLength} bytes. */
    static int valueLength(int ipLength) {
        return 4 + ipLength;
    }

    /**
     * Writes the value for {@code ip} and {@code port} at {@code msg[value..]} of the message at {@code msg[base..]},
     * whose header (cookie and transaction id) is already written.
     */
    static void encode(byte[] ip, int port, byte[] msg, int base, int value) {
        msg[value] = 0;
        msg[value + 1] = (byte) (ip.length == 4 ? 0x01 : 0x02);
        int x = port ^ (StunMessage.MAGIC_COOKIE >>> 16);
        msg[value + 2] = (byte) (x >>> 8);
        msg[value + 3] = (byte) x;
        for (int i = 0; i < ip.length; i++) {
            msg[value + 4 + i] = (byte) (ip[i] ^ msg[base + 4 + i]);
        }
    }

    /** Reads the value at {@code valueOffset} (from the message start) of the message at {@code msg[base..]}. */
    static InetSocketAddress decode(byte[] msg, int base, int valueOffset, int length) throws StunDecodeException {
        int off = base + valueOffset;
        if (length < 4) {
            throw new StunDecodeException(String.format(
                    "attribute 0x%04x at offset %d: length %d, shorter than family and port",
                    StunAttributeType.XOR_MAPPED_ADDRESS, valueOffset - 4, length));
        }
        int family = msg[off + 1] & 0xFF;
        int ipLength = family == 0x01 ? 4 : family == 0x02 ? 16 : -1;
        if (ipLength < 0 || length != 4 + ipLength) {
            throw new StunDecodeException(String.format(
                    "attribute 0x%04x at offset %d: family %d with length %d",
                    StunAttributeType.XOR_MAPPED_ADDRESS, valueOffset - 4, family, length));
        }
        int port = (((msg[off + 2] & 0xFF) << 8) | (msg[off + 3] & 0xFF)) ^ (StunMessage.MAGIC_COOKIE >>> 16);
        byte[] ip = new byte[ipLength];
        for (int i = 0; i < ipLength; i++) {
            ip[i] = (byte) (msg[off + 4 + i] ^ msg[base + 4 + i]);
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw new StunDecodeException("attribute XOR-MAPPED-ADDRESS: bad address length " + ipLength);
        }
    }
}
