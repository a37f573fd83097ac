package org.vertogw.media.srtp;

/**
 * The two DTLS-SRTP protection profiles the gateway speaks (RFC 5764 §4.1.2, RFC 7714 §14.2), with the lengths of
 * their master key, master salt and authentication tag.
 */
public enum SrtpProfile {
    /** RFC 3711 AES-CM with HMAC-SHA1 truncated to 80 bits; all that mod_verto offers. */
    AES_CM_128_HMAC_SHA1_80(0x0001, 16, 14, 10, 20),
    /** RFC 7714 AES-GCM with a 16-byte tag; preferred toward browsers. */
    AEAD_AES_128_GCM(0x0007, 16, 12, 16, 0);

    private final int id;
    private final int keyLength;
    private final int saltLength;
    private final int tagLength;
    private final int authKeyLength;

    SrtpProfile(int id, int keyLength, int saltLength, int tagLength, int authKeyLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.tagLength = tagLength;
        this.authKeyLength = authKeyLength;
    }

    /** The two-byte SRTPProtectionProfile value of the use_srtp extension. */
    public int id() {
        return id;
    }

    public int keyLength() {
        return keyLength;
    }

    public int saltLength() {
        return saltLength;
    }

    public int tagLength() {
        return tagLength;
    }

    public int authKeyLength() {
        return authKeyLength;
    }

    public boolean isAead() {
        return this == AEAD_AES_128_GCM;
    }

    /** Bytes to export from DTLS for both directions: 2 * (key + salt) (RFC 5764 §4.2). */
    public int keyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    public static SrtpProfile ofId(int id) {
        for (SrtpProfile p : values()) {
            if (p.id == id) {
                return p;
            }
        }
        return null;
    }
}
