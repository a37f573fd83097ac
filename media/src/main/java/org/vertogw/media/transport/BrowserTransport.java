package org.vertogw.media.transport;

import java.net.InetSocketAddress;
import java.util.function.Consumer;
import org.vertogw.media.MediaContext;
import org.vertogw.media.ice.IceCredentials;
import org.vertogw.media.ice.IceLiteAgent;

/**
 * The transport toward a browser: ICE-lite (RFC 8445 §2.5) on the port every browser leg shares, DTLS preferring
 * AEAD_AES_128_GCM (RFC 7714). The shared port's {@link BrowserPort} routes its STUN by our ufrag, then its packets
 * by the address ICE selected.
 */
public final class BrowserTransport extends MediaTransport {

    private final BrowserPort port;
    private final IceLiteAgent agent;

    public BrowserTransport(int mediaIndex, MediaContext ctx, Consumer<LegEvent> listener) {
        super(LegSide.BROWSER, mediaIndex, ctx.settings(), ctx.browserSocket(), LegSettings.BROWSER_PROFILES, listener);
        this.port = ctx.browserPort();
        this.agent =
                new IceLiteAgent(IceCredentials.random(), ctx.settings().iceTimers(), iceOutput(), System.nanoTime());
        setIce(agent);
        port.register(this);
    }

    /** The browser's ICE credentials from its SDP: what its checks must carry. */
    public void acceptRemote(IceCredentials remote) {
        agent.setRemoteCredentials(remote);
    }

    @Override
    void selected(InetSocketAddress previous, InetSocketAddress current) {
        port.moved(this, previous, current);
    }

    @Override
    void release() {
        port.unregister(this);
    }
}
