package org.vertogw.media.dtls;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.StringJoiner;
import org.bouncycastle.tls.AlertDescription;

/**
 * What one handshake saw, so that a failure says why instead of a bare {@code internal_error}: the alert we raised
 * or received, the peer's certificate type and the cipher suites on the table. Written by the handshake thread,
 * read once by it when the handshake ends.
 */
final class HandshakeDiagnostics {

    private String alertSent;
    private String explanation;
    private String alertReceived;
    private String peerCertificate;
    private String offeredSuites;
    private String selectedSuite;
    private DtlsFailure failure;

    void alertRaised(short description, String message, Throwable cause) {
        alertSent = AlertDescription.getText(description);
        explain(message, cause);
    }

    /**
     * Why the handshake stopped, from the exception that stopped it: Bouncy Castle's DTLS raises its alerts with
     * neither message nor cause, which stay on the exception.
     */
    void explain(String message, Throwable cause) {
        if (explanation != null) {
            return;
        }
        Throwable root = cause;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (message != null && message.contains("); ")) {
            message = message.substring(message.indexOf("); ") + 3); // Bouncy Castle prefixes the alert's name
        }
        if (message != null) {
            explanation = root != null && root != cause ? message + ": " + root : message;
        } else if (root != null) {
            explanation = root.toString();
        }
    }

    /** The cause when we know it better than the alert does (a fingerprint mismatch, no suite in common). */
    void failure(DtlsFailure f) {
        if (failure == null) {
            failure = f;
        }
    }

    DtlsFailure failure() {
        return failure;
    }

    void alertReceived(short description) {
        alertReceived = AlertDescription.getText(description);
    }

    void peerCertificate(byte[] der) {
        try {
            PublicKey key = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der))
                    .getPublicKey();
            peerCertificate = describe(key);
        } catch (CertificateException | RuntimeException e) {
            peerCertificate = "unreadable (" + e.getMessage() + ")";
        }
    }

    static String describe(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA-" + rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return "ECDSA P-" + ec.getParams().getCurve().getField().getFieldSize();
        }
        return key.getAlgorithm();
    }

    void offered(String who, int[] suites) {
        offeredSuites = who + " offered " + DtlsCipherSuites.names(suites);
    }

    void selected(int suite) {
        selectedSuite = DtlsCipherSuites.name(suite);
    }

    String peerCertificate() {
        return peerCertificate;
    }

    String selectedSuite() {
        return selectedSuite;
    }

    /** One line: each known fact, semicolon-separated. */
    String summary() {
        StringJoiner j = new StringJoiner("; ");
        if (alertSent != null) {
            j.add("sent alert " + alertSent + (explanation != null ? " (" + explanation + ")" : ""));
        } else if (explanation != null) {
            j.add(explanation);
        }
        if (alertReceived != null) {
            j.add("peer sent alert " + alertReceived);
        }
        j.add("peer certificate " + (peerCertificate != null ? peerCertificate : "not seen"));
        if (selectedSuite != null) {
            j.add("suite " + selectedSuite);
        } else if (offeredSuites != null) {
            j.add(offeredSuites);
        }
        return j.toString();
    }
}
