package org.vertogw.media.dtls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed ECDSA P-256 certificate a media engine presents in every DTLS handshake. WebRTC authenticates it
 * by the fingerprint in the SDP, not by a CA (RFC 8827 §6.5), so a fresh one per start is what browsers do too.
 */
public final class DtlsCertificate {

    private final PrivateKey privateKey;
    private final byte[] der;
    private final DtlsFingerprint fingerprint;

    private DtlsCertificate(PrivateKey privateKey, byte[] der) {
        this.privateKey = privateKey;
        this.der = der;
        this.fingerprint = DtlsFingerprint.of(der, "sha-256");
    }

    public static DtlsCertificate generate() {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair kp = g.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=vertogw-media");
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, random).abs(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), name,
                    kp.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()));
            return new DtlsCertificate(kp.getPrivate(), holder.getEncoded());
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot create the DTLS certificate", e);
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    byte[] der() {
        return der.clone();
    }

    /** sha-256 fingerprint, for {@code a=fingerprint}. */
    public DtlsFingerprint fingerprint() {
        return fingerprint;
    }
}
