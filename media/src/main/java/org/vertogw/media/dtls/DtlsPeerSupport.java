package org.vertogw.media.dtls;

import java.io.IOException;
import java.util.Vector;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.vertogw.media.srtp.SrtpKeyingMaterial;
import org.vertogw.media.srtp.SrtpProfile;

/** What client and server share: our credentials, the peer check, timers, diagnostics and the keying export. */
final class DtlsPeerSupport {

    private final DtlsCertificate certificate;
    private final PeerCertificateCheck check;
    private final HandshakeDiagnostics diagnostics = new HandshakeDiagnostics();
    private final DtlsRole role;
    private final int timeoutMillis;
    private final int resendMillis;
    private volatile SrtpKeyingMaterial keys;

    DtlsPeerSupport(
            DtlsCertificate certificate, DtlsFingerprint remote, DtlsRole role, int timeoutMillis, int resendMillis) {
        this.certificate = certificate;
        this.check = new PeerCertificateCheck(remote, diagnostics);
        this.role = role;
        this.timeoutMillis = timeoutMillis;
        this.resendMillis = resendMillis;
    }

    DtlsKeyType keyType() {
        return certificate.keyType();
    }

    /** Our certificate with a signer for the peer's first acceptable signature algorithm. */
    TlsCredentialedSigner signer(TlsContext context, Vector<?> peerAlgorithms) throws IOException {
        SignatureAndHashAlgorithm algorithm;
        try {
            algorithm = DtlsSignatureSchemes.choose(certificate.keyType(), peerAlgorithms);
        } catch (TlsFatalAlert e) {
            diagnostics.failure(DtlsFailure.NO_COMMON_SIGNATURE_ALGORITHM);
            throw e;
        }
        DtlsCrypto crypto = DtlsCrypto.INSTANCE;
        Certificate chain = new Certificate(new TlsCertificate[] {crypto.createCertificate(certificate.der())});
        return new JcaDefaultTlsCredentialedSigner(
                new TlsCryptoParameters(context), crypto, certificate.privateKey(), chain, algorithm);
    }

    PeerCertificateCheck check() {
        return check;
    }

    HandshakeDiagnostics diagnostics() {
        return diagnostics;
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
