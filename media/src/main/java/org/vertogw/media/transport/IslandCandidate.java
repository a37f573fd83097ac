package org.vertogw.media.transport;

import java.net.InetSocketAddress;
import org.vertogw.media.ice.IceCandidate;
import org.vertogw.media.net.IpLiteral;
import org.vertogw.media.sdp.MediaDescription;
import org.vertogw.media.sdp.RemoteTransport;
import org.vertogw.media.sdp.SdpException;
import org.vertogw.media.sdp.SessionDescription;

/**
 * Picks the one remote candidate a FreeSWITCH-style agent checks (docs/protocol.md §6.2): the first UDP,
 * component-1 candidate with a literal IP address, else the c= address and m= port.
 */
public final class IslandCandidate {

    private IslandCandidate() {}

    public static InetSocketAddress pick(SessionDescription sdp, int index, RemoteTransport t) throws SdpException {
        for (String value : t.candidates()) {
            try {
                IceCandidate c = IceCandidate.parse(value);
                InetSocketAddress address = c.isUdp() && c.component() == 1 ? c.socketAddress() : null;
                if (address != null) {
                    return address;
                }
            } catch (IllegalArgumentException ignored) {
                // unparsable candidate lines are skipped, as FreeSWITCH does
            }
        }
        MediaDescription m = sdp.media().get(index);
        String c = m.line('c') != null ? m.line('c') : sdp.line('c');
        if (c != null) {
            String[] f = c.split(" ");
            InetSocketAddress address = f.length >= 3 ? IpLiteral.socketAddress(f[2], m.port()) : null;
            if (address != null) {
                return address;
            }
        }
        throw new SdpException("m-line " + index + ": no usable UDP candidate or connection address");
    }
}
