package org.vertogw.media.dtls;

import java.util.Locale;

/**
 * The key of the certificate a media engine presents in DTLS. Browsers present ECDSA P-256; FreeSWITCH presents
 * the RSA key of its {@code dtls-srtp.pem} (2048 bits when it makes one itself, often 4096 when operators do).
 */
public enum DtlsKeyType {
    ECDSA_P256("EC", 256, "secp256r1", "SHA256withECDSA"),
    ECDSA_P384("EC", 384, "secp384r1", "SHA384withECDSA"),
    RSA_2048("RSA", 2048, null, "SHA256withRSA"),
    RSA_3072("RSA", 3072, null, "SHA256withRSA"),
    RSA_4096("RSA", 4096, null, "SHA256withRSA");

    private final String algorithm;
    private final int bits;
    private final String curve;
    private final String certificateSignature;

    DtlsKeyType(String algorithm, int bits, String curve, String certificateSignature) {
        this.algorithm = algorithm;
        this.bits = bits;
        this.curve = curve;
        this.certificateSignature = certificateSignature;
    }

    /** Parses the configuration spelling: {@code ecdsa-p256}, {@code ecdsa-p384}, {@code rsa-2048}, ... */
    public static DtlsKeyType parse(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "DTLS key '" + value + "' is not one of ecdsa-p256, ecdsa-p384, rsa-2048, rsa-3072, rsa-4096", e);
        }
    }

    /** The JCA key algorithm: {@code EC} or {@code RSA}. */
    public String algorithm() {
        return algorithm;
    }

    public boolean isRsa() {
        return "RSA".equals(algorithm);
    }

    public int bits() {
        return bits;
    }

    String curve() {
        return curve;
    }

    String certificateSignature() {
        return certificateSignature;
    }

    /** The configuration spelling, e.g. {@code rsa-2048}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return isRsa() ? "RSA-" + bits : "ECDSA P-" + bits;
    }
}
