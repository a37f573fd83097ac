package org.vertogw.media.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A certificate fingerprint as SDP carries it (RFC 8122 §5): hash function name and the digest of the DER
 * certificate as colon-separated upper-case hex, e.g. {@code sha-256 AB:CD:...}.
 */
public record DtlsFingerprint(String algorithm, byte[] digest) {

    public DtlsFingerprint {
        algorithm = algorithm.toLowerCase(Locale.ROOT);
        digest = digest.clone();
    }

    /** Parses the value of {@code a=fingerprint}; throws IllegalArgumentException naming what is wrong. */
    public static DtlsFingerprint parse(String value) {
        String[] parts = value.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("fingerprint '" + value + "' is not '<hash> <hex:hex:...>'");
        }
        javaName(parts[0]);
        String[] octets = parts[1].split(":");
        byte[] d = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            if (octets[i].length() != 2) {
                throw new IllegalArgumentException(
                        "fingerprint octet " + i + " '" + octets[i] + "' is not two hex digits");
            }
            d[i] = (byte) Integer.parseInt(octets[i], 16);
        }
        return new DtlsFingerprint(parts[0], d);
    }

    public static DtlsFingerprint of(byte[] derCertificate, String algorithm) {
        try {
            return new DtlsFingerprint(
                    algorithm, MessageDigest.getInstance(javaName(algorithm)).digest(derCertificate));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("hash " + algorithm + " unavailable", e);
        }
    }

    /** True when {@code derCertificate} hashes, under this fingerprint's algorithm, to this digest. */
    public boolean matches(byte[] derCertificate) {
        return MessageDigest.isEqual(of(derCertificate, algorithm).digest, digest);
    }

    private static String javaName(String sdpName) {
        return switch (sdpName.toLowerCase(Locale.ROOT)) {
            case "sha-1" -> "SHA-1";
            case "sha-224" -> "SHA-224";
            case "sha-256" -> "SHA-256";
            case "sha-384" -> "SHA-384";
            case "sha-512" -> "SHA-512";
            default -> throw new IllegalArgumentException("unsupported fingerprint hash '" + sdpName + "'");
        };
    }

    /** The SDP attribute value. */
    public String toSdp() {
        StringBuilder sb = new StringBuilder(algorithm).append(' ');
        for (int i = 0; i < digest.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02X", digest[i] & 0xFF));
        }
        return sb.toString();
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DtlsFingerprint f && f.algorithm.equals(algorithm) && Arrays.equals(f.digest, digest);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return toSdp();
    }
}
