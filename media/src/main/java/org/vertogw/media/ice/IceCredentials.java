package org.vertogw.media.ice;

import java.security.SecureRandom;

/**
 * ice-ufrag and ice-pwd (RFC 8445 §5.3, RFC 8839 §5.4): at least 4 and 22 characters of ice-char. Ours are random
 * alphanumerics (24 bits of ufrag is plenty to demultiplex one port; 128+ bits of password).
 */
public record IceCredentials(String ufrag, String password) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ICE_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    public IceCredentials {
        if (ufrag == null || ufrag.isEmpty() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("ICE ufrag and password must not be empty");
        }
    }

    public static IceCredentials random() {
        return new IceCredentials(randomString(8), randomString(24));
    }

    private static String randomString(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = ICE_CHARS[RANDOM.nextInt(ICE_CHARS.length)];
        }
        return new String(c);
    }
}
