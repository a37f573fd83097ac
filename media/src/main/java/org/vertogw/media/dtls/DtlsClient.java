package org.vertogw.media.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.vertogw.media.srtp.SrtpProfile;

/**
 * The DTLS 1.2 client side of DTLS-SRTP. Offers ECDHE with ECDSA and RSA server certificates (FreeSWITCH presents
 * RSA, browsers ECDSA), authenticates the server by fingerprint and presents our ECDSA certificate.
 */
final class DtlsClient extends DefaultTlsClient {

    private final DtlsPeerSupport support;
    private final List<SrtpProfile> profiles;
    private SrtpProfile selected;

    DtlsClient(JcaTlsCrypto crypto, DtlsPeerSupport support, List<SrtpProfile> profiles) {
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
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA};
    }

    @Override
    @SuppressWarnings("unchecked")
    public Hashtable getClientExtensions() throws IOException {
        Hashtable<Object, Object> ext = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        TlsSRTPUtils.addUseSRTPExtension(ext, SrtpExtension.offer(profiles));
        return ext;
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        selected = SrtpExtension.selected(serverExtensions, profiles);
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                support.check().check(serverCertificate.getCertificate());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return support.signer(context);
            }
        };
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
