package org.vertogw.media.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.vertogw.media.srtp.SrtpProfile;

/** The use_srtp extension (RFC 5764 §4.1): what we offer as client and how we pick as server. */
final class SrtpExtension {

    private SrtpExtension() {}

    static UseSRTPData offer(List<SrtpProfile> profiles) {
        int[] ids = new int[profiles.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = profiles.get(i).id();
        }
        return new UseSRTPData(ids, TlsUtils.EMPTY_BYTES);
    }

    /** Server side: our first preference that the client offered (RFC 5764 §4.1.2). */
    static SrtpProfile select(Hashtable<?, ?> clientExtensions, List<SrtpProfile> ours) throws IOException {
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "client did not offer use_srtp");
        }
        for (SrtpProfile p : ours) {
            for (int id : offered.getProtectionProfiles()) {
                if (id == p.id()) {
                    return p;
                }
            }
        }
        throw new TlsFatalAlert(AlertDescription.handshake_failure, "no SRTP protection profile in common");
    }

    /** Client side: the one profile the server chose, which must be one we offered. */
    static SrtpProfile selected(Hashtable<?, ?> serverExtensions, List<SrtpProfile> ours) throws IOException {
        UseSRTPData chosen = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (chosen == null || chosen.getProtectionProfiles().length != 1) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server did not select one SRTP profile");
        }
        SrtpProfile p = SrtpProfile.ofId(chosen.getProtectionProfiles()[0]);
        if (p == null || !ours.contains(p)) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server selected an SRTP profile not offered");
        }
        return p;
    }
}
