package org.vertogw.media.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.vertogw.media.srtp.SrtpProfile;

/**
 * The DTLS 1.2 server side of DTLS-SRTP: the suites our certificate can sign (ECDSA or RSA), a required client
 * certificate of either kind, use_srtp selection.
 */
final class DtlsServer extends DefaultTlsServer {

    private final DtlsPeerSupport support;
    private final List<SrtpProfile> profiles;
    private SrtpProfile selected;

    DtlsServer(DtlsPeerSupport support, List<SrtpProfile> profiles) {
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
        return DtlsCipherSuites.server(support.keyType());
    }

    /** Our order, not the client's: AES-128-GCM first, the cheapest suite for the few records after the handshake. */
    @Override
    protected boolean preferLocalCipherSuites() {
        return true;
    }

    @Override
    public void notifyOfferedCipherSuites(int[] offered) throws IOException {
        super.notifyOfferedCipherSuites(offered);
        support.diagnostics().offered("peer", offered);
    }

    @Override
    public int getSelectedCipherSuite() throws IOException {
        try {
            int suite = super.getSelectedCipherSuite();
            support.diagnostics().selected(suite);
            return suite;
        } catch (TlsFatalAlert e) {
            if (e.getAlertDescription() == AlertDescription.handshake_failure) {
                support.diagnostics().failure(DtlsFailure.NO_COMMON_CIPHER_SUITE);
            }
            throw e;
        }
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return support.signer(context, context.getSecurityParametersHandshake().getClientSigAlgs());
    }

    @Override
    protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
        return support.signer(context, context.getSecurityParametersHandshake().getClientSigAlgs());
    }

    /** WebRTC requires the client's certificate (RFC 8827 §6.5): ECDSA from browsers, RSA from FreeSWITCH. */
    @Override
    public CertificateRequest getCertificateRequest() {
        return new CertificateRequest(
                new short[] {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign},
                DtlsSignatureSchemes.accepted(),
                null);
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
