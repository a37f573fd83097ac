package org.vertogw.media.relay;

import static org.vertogw.media.transport.LegNegotiation.credentials;
import static org.vertogw.media.transport.LegNegotiation.fingerprint;
import static org.vertogw.media.transport.LegNegotiation.setupOr;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.vertogw.media.MediaCall;
import org.vertogw.media.MediaCapacityException;
import org.vertogw.media.MediaContext;
import org.vertogw.media.dtls.DtlsRole;
import org.vertogw.media.dtls.DtlsSetup;
import org.vertogw.media.net.LoopCalls;
import org.vertogw.media.relay.PathQuality.Side;
import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.sdp.LocalTransport;
import org.vertogw.media.sdp.MediaDescription;
import org.vertogw.media.sdp.RemoteTransport;
import org.vertogw.media.sdp.SdpException;
import org.vertogw.media.sdp.SdpRewriter;
import org.vertogw.media.sdp.SessionDescription;
import org.vertogw.media.transport.BrowserTransport;
import org.vertogw.media.transport.DiscardReason;
import org.vertogw.media.transport.IslandCandidate;
import org.vertogw.media.transport.IslandTransport;
import org.vertogw.media.transport.LegCounters;
import org.vertogw.media.transport.LegEvent;
import org.vertogw.media.transport.LegEventListeners;
import org.vertogw.media.transport.LegNegotiation;
import org.vertogw.media.transport.LegSettings;
import org.vertogw.media.transport.MediaTransport;

/**
 * One call's media anchor. Per media section: a browser leg (ICE-lite on the shared port, DTLS, SRTP preferring
 * GCM) and an island leg (its own port from the range, FreeSWITCH-style ICE, DTLS, AES_CM_128_HMAC_SHA1_80); each
 * packet is decrypted on one leg and encrypted on the other, unchanged in between (SSRCs, payload types,
 * timestamps). Media sections that are not RTP (data channels) are rejected with port 0 on both sides.
 * <p>
 * The SDP methods may be called from any thread; they run on the media thread and return the SDP for the other
 * side. Events are delivered on the media thread.
 */
public final class MediaRelay implements MediaCall {

    private enum Flow {
        NONE,
        BROWSER_OFFERED,
        ISLAND_OFFERED,
        ANSWERED
    }

    /** The two legs of one media section and what the offer told us. */
    private static final class Path {
        BrowserTransport browser;
        IslandTransport island;
        DtlsSetup browserSetup;
        RemoteTransport islandRemote;
        InetSocketAddress islandCandidate;
    }

    private final String callId;
    private final MediaContext ctx;
    private final List<Path> paths = new ArrayList<>();
    private final RelayCounters counters = new RelayCounters();
    private final CallQuality quality = new CallQuality();
    private final LegEventListeners listeners = new LegEventListeners();
    private final Runnable ticker = this::tick;
    private final Consumer<LegEvent> legListener = event -> {
        updateState();
        listeners.publish(event);
    };
    private Flow flow = Flow.NONE;
    private boolean everConnected;
    private volatile RelayState state = RelayState.NEGOTIATING;
    private volatile boolean closed;

    public MediaRelay(String callId, MediaContext ctx) {
        this.callId = callId;
        this.ctx = ctx;
        ctx.lifecycle().opened(this);
        ctx.settings().loop().addTicker(ticker);
    }

    public String callId() {
        return callId;
    }

    /** Browser offered (C→S verto.invite): the offer for the island, with the gateway as the peer. */
    public String islandOfferFromBrowserOffer(String browserOfferSdp) throws SdpException {
        SessionDescription offer = SessionDescription.parse(browserOfferSdp);
        return LoopCalls.call(ctx.settings().loop(), () -> {
            begin(Flow.BROWSER_OFFERED);
            try {
                List<LocalTransport> toIsland = new ArrayList<>();
                for (int i = 0; i < offer.media().size(); i++) {
                    if (!relayable(offer.media().get(i))) {
                        addRejected(toIsland);
                        continue;
                    }
                    RemoteTransport browser = RemoteTransport.of(offer, i);
                    Path p = newPath(i, true, offer.media().get(i));
                    p.browser.acceptRemote(credentials(browser));
                    DtlsSetup theirs = setupOr(browser.setup(), DtlsSetup.ACTPASS);
                    p.browserSetup = theirs.answer(true);
                    p.browser.startDtls(p.browserSetup.localRole(), fingerprint(browser, i));
                    toIsland.add(local(p.island, DtlsSetup.ACTPASS));
                }
                return SdpRewriter.rewrite(offer, toIsland, false).toString();
            } catch (SdpException | RuntimeException e) {
                abort();
                throw e;
            }
        });
    }

    /** The island answered our offer: the answer for the browser (ICE-lite, setup from the browser's offer). */
    public String browserAnswerFromIslandAnswer(String islandAnswerSdp) throws SdpException {
        SessionDescription answer = SessionDescription.parse(islandAnswerSdp);
        return LoopCalls.call(ctx.settings().loop(), () -> {
            expect(Flow.BROWSER_OFFERED, answer);
            List<LocalTransport> toBrowser = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                Path p = paths.get(i);
                if (p == null || answer.media().get(i).isRejected()) {
                    closePath(i);
                    toBrowser.add(null);
                    continue;
                }
                RemoteTransport island = RemoteTransport.of(answer, i);
                p.island.setRemote(credentials(island), IslandCandidate.pick(answer, i, island));
                p.island.startDtls(
                        DtlsSetup.offererRole(setupOr(island.setup(), DtlsSetup.ACTIVE)), fingerprint(island, i));
                toBrowser.add(local(p.browser, p.browserSetup));
            }
            flow = Flow.ANSWERED;
            updateState();
            return SdpRewriter.rewrite(answer, toBrowser, true).toString();
        });
    }

    /** Island offered (S→C verto.invite or verto.attach): the offer for the browser. */
    public String browserOfferFromIslandOffer(String islandOfferSdp) throws SdpException {
        SessionDescription offer = SessionDescription.parse(islandOfferSdp);
        return LoopCalls.call(ctx.settings().loop(), () -> {
            begin(Flow.ISLAND_OFFERED);
            try {
                List<LocalTransport> toBrowser = new ArrayList<>();
                for (int i = 0; i < offer.media().size(); i++) {
                    if (!relayable(offer.media().get(i))) {
                        addRejected(toBrowser);
                        continue;
                    }
                    RemoteTransport island = RemoteTransport.of(offer, i);
                    Path p = newPath(i, false, offer.media().get(i));
                    p.islandRemote = island;
                    p.islandCandidate = IslandCandidate.pick(offer, i, island);
                    toBrowser.add(local(p.browser, DtlsSetup.ACTPASS));
                }
                return SdpRewriter.rewrite(offer, toBrowser, true).toString();
            } catch (SdpException | RuntimeException e) {
                abort();
                throw e;
            }
        });
    }

    /** The browser answered: the answer for the island (setup active: FreeSWITCH's actpass makes us the client). */
    public String islandAnswerFromBrowserAnswer(String browserAnswerSdp) throws SdpException {
        SessionDescription answer = SessionDescription.parse(browserAnswerSdp);
        return LoopCalls.call(ctx.settings().loop(), () -> {
            expect(Flow.ISLAND_OFFERED, answer);
            List<LocalTransport> toIsland = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                Path p = paths.get(i);
                if (p == null || answer.media().get(i).isRejected()) {
                    closePath(i);
                    toIsland.add(null);
                    continue;
                }
                RemoteTransport browser = RemoteTransport.of(answer, i);
                p.browser.acceptRemote(credentials(browser));
                p.browserSetup = DtlsSetup.ACTPASS;
                p.browser.startDtls(
                        DtlsSetup.offererRole(setupOr(browser.setup(), DtlsSetup.ACTIVE)), fingerprint(browser, i));
                p.island.setRemote(credentials(p.islandRemote), p.islandCandidate);
                p.island.startDtls(DtlsRole.CLIENT, fingerprint(p.islandRemote, i));
                toIsland.add(local(p.island, DtlsSetup.ACTIVE));
            }
            flow = Flow.ANSWERED;
            updateState();
            return SdpRewriter.rewrite(answer, toIsland, false).toString();
        });
    }

    private void begin(Flow f) throws SdpException {
        if (closed) {
            throw new SdpException("relay " + callId + " is closed");
        }
        if (flow != Flow.NONE) {
            throw new SdpException("relay " + callId + " already negotiated; re-offers need a new relay");
        }
        flow = f;
    }

    private void expect(Flow f, SessionDescription answer) throws SdpException {
        if (closed) {
            throw new SdpException("relay " + callId + " is closed");
        }
        if (flow != f) {
            throw new SdpException("relay " + callId + ": no pending "
                    + (f == Flow.BROWSER_OFFERED ? "browser" : "island") + " offer to answer");
        }
        if (answer.media().size() != paths.size()) {
            throw new SdpException("answer has " + answer.media().size() + " m-lines, the offer had " + paths.size());
        }
    }

    private static boolean relayable(MediaDescription m) {
        return !m.isRejected() && m.proto().contains("RTP");
    }

    private void addRejected(List<LocalTransport> out) {
        paths.add(null);
        counters.add(null, null);
        quality.add(-1);
        out.add(null);
    }

    private Path newPath(int index, boolean islandControlling, MediaDescription m) throws MediaCapacityException {
        Path p = new Path();
        IslandTransport island;
        try {
            island = IslandTransport.open(
                    index, ctx, LegSettings.ISLAND_PROFILES, islandControlling, false, legListener);
        } catch (IOException e) {
            throw new MediaCapacityException("no island-leg UDP port free: " + e.getMessage());
        }
        BrowserTransport browser;
        try {
            browser = new BrowserTransport(index, ctx, legListener);
        } catch (RuntimeException e) {
            island.close();
            throw e;
        }
        p.browser = browser;
        p.island = island;
        PathQuality q = quality.add(PathQuality.clockRateOf(m));
        Side fromBrowser = q.fromBrowser();
        Side fromIsland = q.fromIsland();
        browser.setSink((leg, rtcp, pkt) -> forward(island, rtcp, pkt, counters.browserToIsland(), leg, fromBrowser));
        island.setSink((leg, rtcp, pkt) -> forward(browser, rtcp, pkt, counters.islandToBrowser(), leg, fromIsland));
        paths.add(p);
        counters.add(browser.counters(), island.counters());
        return p;
    }

    private static void forward(
            MediaTransport target, boolean rtcp, PacketBuffer p, TransitHistogram h, MediaTransport source, Side tap) {
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

    private LocalTransport local(MediaTransport leg, DtlsSetup setup) {
        return LegNegotiation.local(ctx.settings(), leg, setup);
    }

    private void tick() {
        long now = System.nanoTime();
        for (Path p : paths) {
            if (p != null) {
                p.browser.tick(now);
                p.island.tick(now);
            }
        }
    }

    private void closePath(int i) {
        Path p = paths.get(i);
        if (p == null) {
            return;
        }
        p.browser.close();
        p.island.close();
    }

    private void abort() {
        for (int i = 0; i < paths.size(); i++) {
            closePath(i);
        }
        paths.clear();
        flow = Flow.NONE;
    }

    private void updateState() {
        if (closed) {
            state = RelayState.CLOSED;
            return;
        }
        boolean any = false;
        boolean all = true;
        for (Path p : paths) {
            if (p == null || p.browser.isClosedWithoutFailure()) {
                continue;
            }
            any = true;
            if (p.browser.isFailed() || p.island.isFailed()) {
                state = RelayState.FAILED;
                return;
            }
            all &= p.browser.isConnected() && p.island.isConnected();
        }
        if (flow != Flow.ANSWERED || !any) {
            state = RelayState.NEGOTIATING;
        } else if (all) {
            everConnected = true;
            state = RelayState.CONNECTED;
        } else {
            state = everConnected ? RelayState.DISCONNECTED : RelayState.CONNECTING;
        }
    }

    /** Called with every leg event (connected, disconnected, failed with cause), on the media thread. */
    public void onEvent(Consumer<LegEvent> listener) {
        listeners.add(listener);
    }

    public RelayState state() {
        return state;
    }

    public RelayCounters counters() {
        return counters;
    }

    /** Each media section's call quality from RTCP, per leg (docs/operations.md, "Call quality"). */
    public CallQuality quality() {
        return quality;
    }

    @Override
    public List<LegCounters> legCounters() {
        return counters.all();
    }

    /** The browser leg of a media section (its ICE, DTLS and SRTP state), or null when rejected. */
    public MediaTransport browserLeg(int mediaIndex) {
        Path p = mediaIndex < paths.size() ? paths.get(mediaIndex) : null;
        return p == null ? null : p.browser;
    }

    /** The island leg of a media section, or null when rejected. */
    public MediaTransport islandLeg(int mediaIndex) {
        Path p = mediaIndex < paths.size() ? paths.get(mediaIndex) : null;
        return p == null ? null : p.island;
    }

    /** The local port of the island leg of a media section (0 when rejected). */
    public int islandPort(int mediaIndex) {
        Path p = mediaIndex < paths.size() ? paths.get(mediaIndex) : null;
        return p == null ? 0 : p.island.socket().port();
    }

    /** Frees the island ports and the browser ufrags; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        LoopCalls.run(ctx.settings().loop(), () -> {
            if (closed) {
                return;
            }
            closed = true;
            for (int i = 0; i < paths.size(); i++) {
                closePath(i);
            }
            ctx.settings().loop().removeTicker(ticker);
            state = RelayState.CLOSED;
            ctx.lifecycle().closed(this, counters.all());
        });
    }

    @Override
    public String toString() {
        return "MediaRelay[" + callId + ", " + state + "]";
    }
}
