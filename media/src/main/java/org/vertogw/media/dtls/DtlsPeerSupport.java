package org.vertogw.media.dtls;

import java.io.IOException;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.vertogw.media.srtp.SrtpKeyingMaterial;
import org.vertogw.media.srtp.SrtpProfile;

/** What client and server share: our credentials, the peer check, timers, and the keying-material export. */
final class DtlsPeerSupport {

    private final JcaTlsCrypto crypto;
    private final DtlsCertificate certificate;
    private final PeerCertificateCheck check;
    private final DtlsRole role;
    private final int timeoutMillis;
    private final int resendMillis;
    private volatile SrtpKeyingMaterial keys;

    DtlsPeerSupport(JcaTlsCrypto crypto, DtlsCertificate certificate, DtlsFingerprint remote, DtlsRole role,
            int timeoutMillis, int resendMillis) {
        this.crypto = crypto;
        this.certificate = certificate;
        this.check = new PeerCertificateCheck(remote);
        this.role = role;
        this.timeoutMillis = timeoutMillis;
        this.resendMillis = resendMillis;
    }

    TlsCredentialedSigner signer(TlsContext context) throws IOException {
        Certificate chain = new Certificate(new TlsCertificate[] {crypto.createCertificate(certificate.der())});
        return new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, certificate.privateKey(),
                chain, SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
    }

    PeerCertificateCheck check() {
        return check;
    }

    int timeoutMillis() {
        return timeoutMillis;
    }

    int resendMillis() {
        return resendMillis;
    }

    /** RFC 5764 §4.2: export 2 * (key + salt) bytes with label EXTRACTOR-dtls_srtp and no context. */
    void complete(TlsContext context, SrtpProfile profile) {
        byte[] material = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, profile.keyingMaterialLength());
        keys = SrtpKeyingMaterial.fromExport(profile, material, role == DtlsRole.CLIENT);
    }

    SrtpKeyingMaterial keys() {
        return keys;
    }
}
