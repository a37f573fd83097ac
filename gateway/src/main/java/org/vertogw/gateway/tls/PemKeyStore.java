package org.vertogw.gateway.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** TLS key material from PEM files, kept in an in-memory PKCS#12 key store for Jetty. */
public final class PemKeyStore {

    private static final Logger LOG = LoggerFactory.getLogger(PemKeyStore.class);
    public static final String PASSWORD = "in-memory";

    /** Loads a certificate chain and its private key (PKCS#8 or traditional EC/RSA PEM). */
    public static KeyStore load(Path certificatePem, Path privateKeyPem) throws IOException {
        List<Certificate> chain = readCertificates(certificatePem);
        if (chain.isEmpty()) {
            throw new IOException(certificatePem + ": no CERTIFICATE block");
        }
        PrivateKey key = readPrivateKey(privateKeyPem);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("edge", key, PASSWORD.toCharArray(), chain.toArray(new Certificate[0]));
            return ks;
        } catch (Exception e) {
            throw new IOException("cannot build a key store from " + certificatePem + " and " + privateKeyPem, e);
        }
    }

    /** Certificates from a PEM file, e.g. a CA bundle for upstream trust. */
    public static List<Certificate> readCertificates(Path pem) throws IOException {
        List<Certificate> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(pem);
                PEMParser p = new PEMParser(r)) {
            JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof X509CertificateHolder h) {
                    out.add(conv.getCertificate(h));
                }
            }
        } catch (java.security.cert.CertificateException e) {
            throw new IOException(pem + ": bad certificate", e);
        }
        return out;
    }

    private static PrivateKey readPrivateKey(Path pem) throws IOException {
        try (Reader r = Files.newBufferedReader(pem);
                PEMParser p = new PEMParser(r)) {
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    return conv.getPrivateKey(info);
                }
                if (o instanceof PEMKeyPair pair) {
                    return conv.getPrivateKey(pair.getPrivateKeyInfo());
                }
            }
        }
        throw new IOException(pem + ": no unencrypted PRIVATE KEY block");
    }

    /**
     * The demo's certificate: made on first start in {@code dir/tls/}, reused after that so a browser exception
     * for it stays valid. The key file is readable by its owner only.
     */
    public static KeyStore selfSignedIn(Path dir) throws IOException {
        Path tls = dir.resolve("tls");
        Path cert = tls.resolve("edge-cert.pem");
        Path key = tls.resolve("edge-key.pem");
        if (!Files.exists(cert) || !Files.exists(key)) {
            Files.createDirectories(tls);
            try {
                SelfSignedCertificate.Material m = SelfSignedCertificate.create("localhost", Duration.ofDays(825));
                Files.writeString(key, pem(new JcaPKCS8Generator(m.keyPair().getPrivate(), null)));
                try {
                    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                Files.writeString(cert, pem(m.certificate()));
                LOG.info("made a self-signed certificate for localhost in {}", tls);
            } catch (Exception e) {
                throw new IOException("cannot make a self-signed certificate in " + tls, e);
            }
        }
        return load(cert, key);
    }

    /** The certificate of a key store entry, e.g. to print its fingerprint. */
    public static X509Certificate certificate(KeyStore ks) throws IOException {
        try {
            return (X509Certificate) ks.getCertificate("edge");
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static String pem(Object o) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(o);
        }
        return w.toString();
    }

    private PemKeyStore() {}
}
