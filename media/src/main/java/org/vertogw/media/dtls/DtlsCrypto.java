package org.vertogw.media.dtls;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import org.bouncycastle.jcajce.util.DefaultJcaJceHelper;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * The handshake crypto: the JDK's providers (AES-NI, the JDK's ECDH) with Bouncy Castle's provider behind them for
 * the signature names the JDK does not know. Bouncy Castle's TLS asks for RSASSA-PSS as
 * {@code SHA256withRSAandMGF1}, which only its own provider offers; without it every RSA peer that signs with
 * {@code rsa_pss_rsae_*} (OpenSSL's first choice in TLS 1.2, so FreeSWITCH's) failed with internal_error.
 */
final class DtlsCrypto extends JcaTlsCrypto {

    static final DtlsCrypto INSTANCE = new DtlsCrypto(new SecureRandom());

    private DtlsCrypto(SecureRandom random) {
        super(new SignatureFallbackHelper(), random, random);
    }

    private static final class SignatureFallbackHelper extends DefaultJcaJceHelper {

        private static final Provider FALLBACK = new BouncyCastleProvider();

        @Override
        public Signature createSignature(String algorithm) throws NoSuchAlgorithmException {
            try {
                return super.createSignature(algorithm);
            } catch (NoSuchAlgorithmException e) {
                return Signature.getInstance(algorithm, FALLBACK);
            }
        }
    }
}
