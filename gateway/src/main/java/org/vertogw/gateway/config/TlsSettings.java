package org.vertogw.gateway.config;

import java.nio.file.Path;

/**
 * The edge's TLS material: PEM files, or (when both are null) a self-signed certificate made on first start and
 * kept in the data directory.
 */
public record TlsSettings(Path certificatePem, Path privateKeyPem) {

    public static TlsSettings selfSigned() {
        return new TlsSettings(null, null);
    }

    public boolean isSelfSigned() {
        return certificatePem == null && privateKeyPem == null;
    }
}
