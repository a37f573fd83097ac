package org.vertogw.media.relay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import org.vertogw.media.MediaCapacityException;
import org.vertogw.media.MediaContext;
import org.vertogw.media.dtls.DtlsSetup;
import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.sdp.RemoteTransport;
import org.vertogw.media.transport.BrowserTransport;
import org.vertogw.media.transport.DiscardReason;
import org.vertogw.media.transport.IslandTransport;
import org.vertogw.media.transport.LegEvent;
import org.vertogw.media.transport.LegSettings;
import org.vertogw.media.transport.MediaTransport;

/** The two legs of one media section of a {@link MediaRelay} and what the offer told us. Media thread only. */
final class Path {

    BrowserTransport browser;
    /** False for a bundled m-line other than the first: its browser leg is another path's. */
    boolean ownsBrowser;

    boolean closed;
    /** Where this m-line's RTCP from the browser is read for call quality (a bundled leg's packets reach it here). */
    PathQuality.Side fromBrowser;
    /** The browser's ICE ufrag when this path's own leg took it: a re-offer with another one restarts ICE. */
    String browserUfrag;
    /** The island leg has its remote transport and runs DTLS. */
    boolean islandStarted;

    IslandTransport island;
    DtlsSetup browserSetup;
    RemoteTransport islandRemote;
    InetSocketAddress islandCandidate;

    /** A path with its own island leg, and its own browser leg unless {@code sharedBrowser} (a BUNDLE group's). */
    static Path open(
            int index,
            MediaContext ctx,
            boolean islandControlling,
            BrowserTransport sharedBrowser,
            Consumer<LegEvent> listener)
            throws MediaCapacityException {
        Path p = new Path();
        try {
            p.island =
                    IslandTransport.open(index, ctx, LegSettings.ISLAND_PROFILES, islandControlling, false, listener);
        } catch (IOException e) {
            throw new MediaCapacityException("no island-leg UDP port free: " + e.getMessage());
        }
        try {
            p.browser = sharedBrowser != null ? sharedBrowser : new BrowserTransport(index, ctx, listener);
        } catch (RuntimeException e) {
            p.island.close();
            throw e;
        }
        p.ownsBrowser = sharedBrowser == null;
        return p;
    }

    /** Sends on {@code target} once it is secure, recording the transit time; else counts a discard on the source. */
    static void forward(
            MediaTransport target,
            boolean rtcp,
            PacketBuffer p,
            TransitHistogram h,
            MediaTransport source,
            PathQuality.Side tap) {
        if (rtcp) {
            tap.read(p); // before send, which encrypts in place
        }
        if (!target.isSecure()) {
            source.counters().discard(DiscardReason.PEER_NOT_READY);
            return;
        }
        if (target.send(rtcp, p)) {
            h.record(System.nanoTime() - p.receivedNanos());
        }
    }

    /**
     * What the live legs of a relay add up to: FAILED when one failed, CONNECTED when all are, CONNECTING otherwise,
     * null when there is none.
     */
    static RelayState legsState(java.util.List<Path> paths) {
        boolean any = false;
        boolean all = true;
        for (Path p : paths) {
            if (p == null || p.closed || p.browser.isClosedWithoutFailure()) {
                continue;
            }
            any = true;
            if (p.browser.isFailed() || p.island.isFailed()) {
                return RelayState.FAILED;
            }
            all &= p.browser.isConnected() && p.island.isConnected();
        }
        return !any ? null : all ? RelayState.CONNECTED : RelayState.CONNECTING;
    }

    static void tick(java.util.List<Path> paths, long now) {
        for (int i = 0; i < paths.size(); i++) { // indexed: an iterator per path list per tick was the relay's garbage
            Path p = paths.get(i);
            if (p != null && !p.closed) {
                if (p.ownsBrowser) {
                    p.browser.tick(now);
                }
                p.island.tick(now);
            }
        }
    }

    /** Closes path {@code i}'s island leg, and its browser leg once no path of a BUNDLE group uses it. */
    static void close(java.util.List<Path> paths, int i) {
        Path p = paths.get(i);
        if (p == null) {
            return;
        }
        p.closed = true;
        p.island.close();
        for (Path o : paths) {
            if (o != null && !o.closed && o.browser == p.browser) {
                return;
            }
        }
        p.browser.close();
    }
}
