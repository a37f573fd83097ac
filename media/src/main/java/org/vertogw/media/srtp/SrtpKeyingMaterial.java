package org.vertogw.media.srtp;

import java.util.Arrays;

/**
 * Splits DTLS-exported keying material (label "EXTRACTOR-dtls_srtp") into the two directions' master keys
 * (RFC 5764 §4.2): client_write_key | server_write_key | client_write_salt | server_write_salt.
 */
public record SrtpKeyingMaterial(SrtpMasterKey local, SrtpMasterKey remote) {

    public static SrtpKeyingMaterial fromExport(SrtpProfile profile, byte[] exported, boolean weAreDtlsClient) {
        int k = profile.keyLength();
        int s = profile.saltLength();
        if (exported.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException(
                    "expected " + profile.keyingMaterialLength() + " bytes of keying material, got " + exported.length);
        }
        SrtpMasterKey client = new SrtpMasterKey(
                profile, Arrays.copyOfRange(exported, 0, k), Arrays.copyOfRange(exported, 2 * k, 2 * k + s));
        SrtpMasterKey server = new SrtpMasterKey(
                profile,
                Arrays.copyOfRange(exported, k, 2 * k),
                Arrays.copyOfRange(exported, 2 * k + s, 2 * k + 2 * s));
        return weAreDtlsClient ? new SrtpKeyingMaterial(client, server) : new SrtpKeyingMaterial(server, client);
    }

    public SrtpProfile profile() {
        return local.profile();
    }
}
