package org.vertogw.media.dtls;

import java.io.IOException;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * Authenticates the peer the WebRTC way (RFC 5763 §5, RFC 8827 §6.5): its end-entity certificate must hash to the
 * a=fingerprint of its SDP. Records why it refused in the handshake's diagnostics, so the leg can name the cause.
 */
final class PeerCertificateCheck {

    private final DtlsFingerprint expected;
    private final HandshakeDiagnostics diagnostics;

    PeerCertificateCheck(DtlsFingerprint expected, HandshakeDiagnostics diagnostics) {
        this.expected = expected;
        this.diagnostics = diagnostics;
    }

    void check(Certificate chain) throws IOException {
        if (chain == null || chain.isEmpty()) {
            diagnostics.failure(DtlsFailure.BAD_CERTIFICATE);
            throw new TlsFatalAlert(AlertDescription.certificate_required, "peer sent no certificate");
        }
        byte[] der = chain.getCertificateAt(0).getEncoded();
        diagnostics.peerCertificate(der);
        if (!expected.matches(der)) {
            diagnostics.failure(DtlsFailure.FINGERPRINT_MISMATCH);
            throw new TlsFatalAlert(
                    AlertDescription.bad_certificate,
                    "peer certificate does not match a=fingerprint " + expected.toSdp());
        }
    }
}
