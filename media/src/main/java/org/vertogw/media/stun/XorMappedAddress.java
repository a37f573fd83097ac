package org.vertogw.media.stun;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * XOR-MAPPED-ADDRESS (RFC 8489 §14.2): family, port XOR the cookie's high 16 bits, address XOR the cookie (IPv4) or
 * the cookie followed by the transaction id (IPv6).
 */
public final class XorMappedAddress {

    private XorMappedAddress() {
    }

    static byte[] encode(InetSocketAddress address, byte[] transactionId) {
        byte[] ip = address.getAddress().getAddress();
        byte[] v = new byte[4 + ip.length];
        v[1] = (byte) (ip.length == 4 ? 0x01 : 0x02);
        int port = address.getPort() ^ (StunMessage.MAGIC_COOKIE >>> 16);
        v[2] = (byte) (port >>> 8);
        v[3] = (byte) port;
        byte[] mask = mask(transactionId);
        for (int i = 0; i < ip.length; i++) {
            v[4 + i] = (byte) (ip[i] ^ mask[i]);
        }
        return v;
    }

    static InetSocketAddress decode(byte[] msg, StunAttribute a, byte[] transactionId) throws StunDecodeException {
        int off = a.valueOffset();
        int family = msg[off + 1] & 0xFF;
        int ipLength = family == 0x01 ? 4 : family == 0x02 ? 16 : -1;
        if (ipLength < 0 || a.length() != 4 + ipLength) {
            throw new StunDecodeException(String.format("attribute 0x%04x at offset %d: family %d with length %d",
                    a.type(), off - 4, family, a.length()));
        }
        int port = (((msg[off + 2] & 0xFF) << 8) | (msg[off + 3] & 0xFF)) ^ (StunMessage.MAGIC_COOKIE >>> 16);
        byte[] mask = mask(transactionId);
        byte[] ip = new byte[ipLength];
        for (int i = 0; i < ipLength; i++) {
            ip[i] = (byte) (msg[off + 4 + i] ^ mask[i]);
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw new StunDecodeException("attribute XOR-MAPPED-ADDRESS: bad address length " + ipLength);
        }
    }

    private static byte[] mask(byte[] transactionId) {
        byte[] m = new byte[16];
        m[0] = (byte) (StunMessage.MAGIC_COOKIE >>> 24);
        m[1] = (byte) (StunMessage.MAGIC_COOKIE >>> 16);
        m[2] = (byte) (StunMessage.MAGIC_COOKIE >>> 8);
        m[3] = (byte) StunMessage.MAGIC_COOKIE;
        System.arraycopy(transactionId, 0, m, 4, 12);
        return m;
    }
}
