package org.vertogw.media.srtp;

/**
 * The SRTP key derivation function (RFC 3711 §4.3) with a key derivation rate of zero, as DTLS-SRTP uses it: the
 * AES-CM PRF keyed with the master key, over IV = (master_salt XOR (label || 0^48)) * 2^16. The label lands in
 * byte 7 of the salt. RFC 7714's 12-byte master salts are zero-padded to 14 bytes before use, as libsrtp does.
 */
public final class SrtpKeyDerivation {

    public static final int LABEL_RTP_ENCRYPTION = 0x00;
    public static final int LABEL_RTP_AUTH = 0x01;
    public static final int LABEL_RTP_SALT = 0x02;
    public static final int LABEL_RTCP_ENCRYPTION = 0x03;
    public static final int LABEL_RTCP_AUTH = 0x04;
    public static final int LABEL_RTCP_SALT = 0x05;

    private SrtpKeyDerivation() {}

    public static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
        if (masterSalt.length > 14) {
            throw new IllegalArgumentException("master salt longer than 112 bits");
        }
        byte[] iv = new byte[16];
        System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
        iv[7] ^= (byte) label;
        byte[] out = new byte[(length + 15) & ~15];
        new AesCounterMode(new AesBlock(masterKey)).apply(iv, out, 0, out.length);
        return java.util.Arrays.copyOf(out, length);
    }
}
