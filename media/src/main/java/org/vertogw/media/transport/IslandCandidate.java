package org.vertogw.media.transport;

import java.net.InetSocketAddress;
import org.vertogw.media.ice.IceCandidate;
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
                if (c.isUdp() && c.component() == 1 && isLiteral(c.address())) {
                    return c.socketAddress();
                }
            } catch (IllegalArgumentException ignored) {
                // unparsable candidate lines are skipped, as FreeSWITCH does
            }
        }
        MediaDescription m = sdp.media().get(index);
        String c = m.line('c') != null ? m.line('c') : sdp.line('c');
        if (c != null) {
            String[] f = c.split(" ");
            if (f.length >= 3 && isLiteral(f[2])) {
                return new InetSocketAddress(f[2], m.port());
            }
        }
        throw new SdpException("m-line " + index + ": no usable UDP candidate or connection address");
    }

    private static boolean isLiteral(String a) {
        return a.matches("[0-9.]+") || a.contains(":");
    }
}
