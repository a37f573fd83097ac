package org.vertogw.media.dtls;

import java.util.List;
import java.util.StringJoiner;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * The signature algorithms of DTLS 1.2 (RFC 5246 §7.4.1.4.1) that the peers of a media gateway use: browsers sign
 * with ECDSA, FreeSWITCH's OpenSSL with RSA (PSS first, then PKCS#1). What we list in our ClientHello and in our
 * CertificateRequest, and how we pick one to sign with. No SHA-1 (RFC 9155 §2).
 */
final class DtlsSignatureSchemes {

    /** What we accept from a peer, in our order of preference. */
    static final List<SignatureAndHashAlgorithm> ACCEPTED = List.of(
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa),
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384, SignatureAlgorithm.ecdsa),
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha512, SignatureAlgorithm.ecdsa),
            SignatureAndHashAlgorithm.rsa_pss_rsae_sha256,
            SignatureAndHashAlgorithm.rsa_pss_rsae_sha384,
            SignatureAndHashAlgorithm.rsa_pss_rsae_sha512,
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa),
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384, SignatureAlgorithm.rsa),
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha512, SignatureAlgorithm.rsa));

    private DtlsSignatureSchemes() {}

    static Vector<SignatureAndHashAlgorithm> accepted() {
        return new Vector<>(ACCEPTED);
    }

    /**
     * The algorithm we sign with: the peer's first preference that our key can make and we support. A peer that
     * listed none (allowed before TLS 1.2's extension was mandatory) gets SHA-256 with our key's algorithm.
     *
     * @throws TlsFatalAlert handshake_failure naming both sides when the peer accepts nothing our key can sign
     */
    static SignatureAndHashAlgorithm choose(DtlsKeyType ours, Vector<?> peerPreferences) throws TlsFatalAlert {
        if (peerPreferences == null) {
            return ours.isRsa()
                    ? SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa)
                    : SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);
        }
        StringJoiner listed = new StringJoiner(",");
        for (Object o : peerPreferences) {
            SignatureAndHashAlgorithm a = (SignatureAndHashAlgorithm) o;
            if (ACCEPTED.contains(a) && canSign(ours, a)) {
                return a;
            }
            listed.add(SignatureScheme.getName(SignatureScheme.from(a)));
        }
        throw new TlsFatalAlert(
                AlertDescription.handshake_failure,
                "no signature algorithm in common: the peer accepts " + listed + ", our key is " + ours);
    }

    private static boolean canSign(DtlsKeyType key, SignatureAndHashAlgorithm a) {
        short s = a.getSignature();
        return key.isRsa()
                ? s == SignatureAlgorithm.rsa
                        || s == SignatureAlgorithm.rsa_pss_rsae_sha256
                        || s == SignatureAlgorithm.rsa_pss_rsae_sha384
                        || s == SignatureAlgorithm.rsa_pss_rsae_sha512
                : s == SignatureAlgorithm.ecdsa;
    }
}
