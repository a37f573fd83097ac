package org.vertogw.media.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.vertogw.media.srtp.SrtpProfile;

/**
 * The DTLS 1.2 client side of DTLS-SRTP. Offers ECDHE with ECDSA and RSA server certificates (FreeSWITCH presents
 * RSA, browsers ECDSA), authenticates the server by fingerprint and presents our certificate, signed with the
 * server's first choice among the algorithms its CertificateRequest lists.
 */
final class DtlsClient extends DefaultTlsClient {

    private final DtlsPeerSupport support;
    private final List<SrtpProfile> profiles;
    private SrtpProfile selected;

    DtlsClient(DtlsPeerSupport support, List<SrtpProfile> profiles) {
        super(DtlsCrypto.INSTANCE);
        this.support = support;
        this.profiles = profiles;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return DtlsCipherSuites.client();
    }

    @Override
    protected Vector<?> getSupportedSignatureAlgorithms() {
        return DtlsSignatureSchemes.accepted();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Hashtable getClientExtensions() throws IOException {
        support.diagnostics().offered("we", getCipherSuites());
        Hashtable<Object, Object> ext = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        TlsSRTPUtils.addUseSRTPExtension(ext, SrtpExtension.offer(profiles));
        return ext;
    }

    @Override
    public void notifySelectedCipherSuite(int suite) {
        super.notifySelectedCipherSuite(suite);
        support.diagnostics().selected(suite);
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
                return support.signer(context, request.getSupportedSignatureAlgorithms());
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
    public void notifyAlertRaised(short level, short description, String message, Throwable cause) {
        support.diagnostics().alertRaised(description, message, cause);
    }

    @Override
    public void notifyAlertReceived(short level, short description) {
        support.diagnostics().alertReceived(description);
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        support.complete(context, selected);
    }
}
