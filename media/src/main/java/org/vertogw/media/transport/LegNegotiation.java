package org.vertogw.media.transport;

import org.vertogw.media.dtls.DtlsFingerprint;
import org.vertogw.media.dtls.DtlsSetup;
import org.vertogw.media.ice.IceCandidate;
import org.vertogw.media.ice.IceCredentials;
import org.vertogw.media.sdp.LocalTransport;
import org.vertogw.media.sdp.RemoteTransport;
import org.vertogw.media.sdp.SdpException;

/**
 * What a leg takes from the peer's SDP and gives in ours, the same for the relay's legs and an endpoint's: the
 * peer's ICE credentials, DTLS setup and fingerprint (RFC 8842, RFC 8122), and our host candidates (UDP, and ICE-TCP passive toward browsers when the engine listens for it), credentials,
 * fingerprint and setup.
 */
public final class LegNegotiation {

    private LegNegotiation() {}

    public static IceCredentials credentials(RemoteTransport t) {
        return new IceCredentials(t.iceUfrag(), t.icePwd());
    }

    /** The peer's a=setup, or {@code fallback} when absent or unknown. */
    public static DtlsSetup setupOr(String value, DtlsSetup fallback) {
        DtlsSetup s = DtlsSetup.parse(value);
        return s == null ? fallback : s;
    }

    /** The peer's a=fingerprint; a malformed one refuses the SDP, naming the m-line. */
    public static DtlsFingerprint fingerprint(RemoteTransport t, int index) throws SdpException {
        try {
            return DtlsFingerprint.parse(t.fingerprint());
        } catch (IllegalArgumentException e) {
            throw new SdpException("m-line " + index + ": " + e.getMessage());
        }
    }

    /** Our side of {@code leg}: public address and port, ICE credentials and host candidate, fingerprint, setup. */
    public static LocalTransport local(LegSettings s, MediaTransport leg, DtlsSetup setup) {
        String address = s.publicAddress();
        int port = leg.socket().port();
        IceCredentials c = leg.ice().localCredentials();
        int tcpPort = leg instanceof BrowserTransport b ? b.tcpPort() : 0;
        java.util.List<String> candidates = tcpPort > 0
                ? java.util.List.of(
                        IceCandidate.host(address, port).toSdp(),
                        IceCandidate.tcpPassive(address, tcpPort).toSdp())
                : java.util.List.of(IceCandidate.host(address, port).toSdp());
        return new LocalTransport(
                address,
                port,
                c.ufrag(),
                c.password(),
                candidates,
                s.certificate().fingerprint().toSdp(),
                setup.sdpValue());
    }
}
