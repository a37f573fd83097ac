package org.vertogw.media.dtls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed certificate a media engine presents in every DTLS handshake. WebRTC authenticates it by the
 * fingerprint in the SDP, not by a CA (RFC 8827 §6.5), so a fresh one per start is what browsers do too; an island
 * may instead load the PEM an operator made, as FreeSWITCH loads {@code dtls-srtp.pem}.
 */
public final class DtlsCertificate {

    private final PrivateKey privateKey;
    private final byte[] der;
    private final DtlsKeyType keyType;
    private final DtlsFingerprint fingerprint;

    private DtlsCertificate(PrivateKey privateKey, byte[] der, DtlsKeyType keyType) {
        this.privateKey = privateKey;
        this.der = der;
        this.keyType = keyType;
        this.fingerprint = DtlsFingerprint.of(der, "sha-256");
    }

    /** An ECDSA P-256 certificate, what browsers present. */
    public static DtlsCertificate generate() {
        return generate(DtlsKeyType.ECDSA_P256);
    }

    public static DtlsCertificate generate(DtlsKeyType type) {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator g = KeyPairGenerator.getInstance(type.algorithm());
            if (type.isRsa()) {
                g.initialize(new RSAKeyGenParameterSpec(type.bits(), RSAKeyGenParameterSpec.F4), random);
            } else {
                g.initialize(new ECGenParameterSpec(type.curve()), random);
            }
            KeyPair kp = g.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=vertogw-media");
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(
                            name,
                            new BigInteger(64, random).abs(),
                            Date.from(now.minus(Duration.ofDays(1))),
                            Date.from(now.plus(Duration.ofDays(30))),
                            name,
                            kp.getPublic())
                    .build(new JcaContentSignerBuilder(type.certificateSignature()).build(kp.getPrivate()));
            return new DtlsCertificate(kp.getPrivate(), holder.getEncoded(), type);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create the DTLS certificate", e);
        }
    }

    /**
     * Loads a certificate and its private key from PEM: one file holding both (FreeSWITCH's {@code dtls-srtp.pem})
     * or two. The key may be PKCS#8 or traditional (RSA/EC PRIVATE KEY), unencrypted.
     */
    public static DtlsCertificate load(Path certificate, Path key) throws IOException {
        String pem = Files.readString(certificate);
        if (key != null && !key.equals(certificate)) {
            pem = pem + "\n" + Files.readString(key);
        }
        return parse(pem, certificate.toString());
    }

    static DtlsCertificate parse(String pem, String source) throws IOException {
        X509CertificateHolder cert = null;
        PrivateKey key = null;
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (Reader r = new StringReader(pem);
                PEMParser parser = new PEMParser(r)) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder h && cert == null) {
                    cert = h;
                } else if (o instanceof PEMKeyPair kp) {
                    key = converter.getPrivateKey(kp.getPrivateKeyInfo());
                } else if (o instanceof PrivateKeyInfo info) {
                    key = converter.getPrivateKey(info);
                }
            }
        }
        if (cert == null || key == null) {
            throw new IOException(source + ": expected a PEM certificate and an unencrypted private key, found "
                    + (cert == null ? "no certificate" : "no private key"));
        }
        try {
            PublicKey pub =
                    new JcaX509CertificateConverter().getCertificate(cert).getPublicKey();
            return new DtlsCertificate(key, cert.getEncoded(), typeOf(pub, source));
        } catch (GeneralSecurityException e) {
            throw new IOException(source + ": unreadable certificate: " + e.getMessage(), e);
        }
    }

    private static DtlsKeyType typeOf(PublicKey key, String source) throws IOException {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            return switch (bits) {
                case 2048 -> DtlsKeyType.RSA_2048;
                case 3072 -> DtlsKeyType.RSA_3072;
                case 4096 -> DtlsKeyType.RSA_4096;
                default ->
                    throw new IOException(source + ": RSA key of " + bits + " bits; 2048, 3072 or 4096 expected");
            };
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits == 256) {
                return DtlsKeyType.ECDSA_P256;
            }
            if (bits == 384) {
                return DtlsKeyType.ECDSA_P384;
            }
            throw new IOException(source + ": EC key on a " + bits + "-bit curve; P-256 or P-384 expected");
        }
        throw new IOException(source + ": " + key.getAlgorithm() + " key; RSA or ECDSA expected");
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    byte[] der() {
        return der.clone();
    }

    public DtlsKeyType keyType() {
        return keyType;
    }

    /** sha-256 fingerprint, for {@code a=fingerprint}. */
    public DtlsFingerprint fingerprint() {
        return fingerprint;
    }
}
