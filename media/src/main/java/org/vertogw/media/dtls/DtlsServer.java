package org.vertogw.media.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.vertogw.media.srtp.SrtpProfile;

/** The DTLS 1.2 server side of DTLS-SRTP: ECDSA credentials, a required client certificate, use_srtp selection. */
final class DtlsServer extends DefaultTlsServer {

    private final DtlsPeerSupport support;
    private final List<SrtpProfile> profiles;
    private SrtpProfile selected;

    DtlsServer(JcaTlsCrypto crypto, DtlsPeerSupport support, List<SrtpProfile> profiles) {
        super(crypto);
        this.support = support;
        this.profiles = profiles;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return new int[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA};
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return support.signer(context);
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        Vector<?> algs = TlsUtils.getDefaultSupportedSignatureAlgorithms(context);
        return new CertificateRequest(new short[] {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign},
                algs, null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        support.check().check(clientCertificate);
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        selected = SrtpExtension.select(clientExtensions, profiles);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Hashtable getServerExtensions() throws IOException {
        Hashtable<Object, Object> ext = super.getServerExtensions();
        TlsSRTPUtils.addUseSRTPExtension(ext, SrtpExtension.offer(List.of(selected)));
        return ext;
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return support.timeoutMillis();
    }

    @Override
    public int getHandshakeResendTimeMillis() {
        return support.resendMillis();
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        support.complete(context, selected);
    }
}
