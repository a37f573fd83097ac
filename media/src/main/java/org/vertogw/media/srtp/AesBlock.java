package org.vertogw.media.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES block function under one key, through the JCA's intrinsified implementation (AES-NI). One ECB cipher is
 * initialised once and reused: counter modes build their counter blocks themselves, so nothing is re-initialised or
 * allocated per packet (re-initialising per packet is the classic SRTP performance trap).
 */
final class AesBlock {

    private final Cipher ecb;

    AesBlock(byte[] key) {
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES unavailable", e);
        }
    }

    /** Encrypts {@code len} bytes (a multiple of 16); {@code in} and {@code out} must be different arrays. */
    void encrypt(byte[] in, int inOff, int len, byte[] out, int outOff) {
        try {
            ecb.update(in, inOff, len, out, outOff);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("keystream buffer too small", e);
        }
    }
}
