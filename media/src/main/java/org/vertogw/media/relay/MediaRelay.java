package org.vertogw.media.relay;

import static org.vertogw.media.transport.LegNegotiation.credentials;
import static org.vertogw.media.transport.LegNegotiation.fingerprint;
import static org.vertogw.media.transport.LegNegotiation.setupOr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.vertogw.media.MediaCall;
import org.vertogw.media.MediaCapacityException;
import org.vertogw.media.MediaContext;
import org.vertogw.media.dtls.DtlsRole;
import org.vertogw.media.dtls.DtlsSetup;
import org.vertogw.media.net.LoopCalls;
import org.vertogw.media.relay.OfferAnswer.Flow;
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
import org.vertogw.media.transport.MediaTransport;
import org.vertogw.media.transport.PacketSink;

/**
 * One call's media anchor. Per media section: a browser leg (ICE-lite on the shared port, DTLS, SRTP preferring
 * GCM) and an island leg (its own port from the range, FreeSWITCH-style ICE, DTLS, AES_CM_128_HMAC_SHA1_80); each
 * packet is decrypted on one leg and encrypted on the other, unchanged in between (SSRCs, payload types,
 * timestamps). Media sections that are not RTP (data channels) are rejected with port 0 on both sides. A browser
 * offer's BUNDLE group (RFC 8843) is accepted: its m-lines share one browser leg, and a {@link BundleGroup} tells
 * which island leg each packet on it belongs to.
 * <p>
 * The SDP methods may be called from any thread; they run on the media thread and return the SDP for the other
 * side. Events are delivered on the media thread.
 */
public final class MediaRelay implements MediaCall {

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
    private final OfferAnswer flow;
    private BundleGroup bundle;
    private final PacketSink bundleSink = this::fromBundle;
    private volatile RelayState state = RelayState.NEGOTIATING;
    private volatile boolean closed;

    public MediaRelay(String callId, MediaContext ctx) {
        this.callId = callId;
        this.flow = new OfferAnswer(callId);
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
            flow.begin(Flow.BROWSER_OFFERED, closed);
            try {
                List<LocalTransport> toIsland = new ArrayList<>();
                bundle = BundleGroup.of(offer, i -> relayable(offer.media().get(i)));
                Path shared = null;
                for (int i = 0; i < offer.media().size(); i++) {
                    if (!relayable(offer.media().get(i))) {
                        addRejected(toIsland);
                        continue;
                    }
                    boolean bundled = bundle != null && bundle.contains(i);
                    Path p = browserOffered(offer, i, bundled ? shared : null);
                    shared = bundled && shared == null ? p : shared;
                    toIsland.add(local(p.island, DtlsSetup.ACTPASS));
                }
                return SdpRewriter.rewrite(offer, toIsland, false).toString();
            } catch (SdpException | RuntimeException e) {
                abort();
                throw e;
            }
        });
    }

    /** A new path for a browser-offered m-line: its browser leg started, or {@code shared}'s when bundled with it. */
    private Path browserOffered(SessionDescription offer, int i, Path shared) throws SdpException {
        Path p = newPath(
                i, true, shared != null ? shared.browser : null, offer.media().get(i));
        if (shared != null) {
            p.browserSetup = shared.browserSetup;
            return p;
        }
        RemoteTransport browser = RemoteTransport.of(offer, i);
        p.browser.acceptRemote(credentials(browser));
        p.browserUfrag = browser.iceUfrag();
        p.browserSetup = setupOr(browser.setup(), DtlsSetup.ACTPASS).answer(true);
        p.browser.startDtls(p.browserSetup.localRole(), fingerprint(browser, i));
        return p;
    }

    /**
     * The browser re-offered on an answered call (verto.modify updateMedia, RFC 3264 §8): the offer for the island.
     * The m-lines it keeps keep their legs (no ICE restart: new ICE credentials are refused), those it disables
     * (port 0) are closed, those it adds get new paths (sharing the BUNDLE transport when its group names them).
     */
    public String islandOfferFromBrowserReoffer(String browserOfferSdp) throws SdpException {
        SessionDescription offer = SessionDescription.parse(browserOfferSdp);
        return LoopCalls.call(ctx.settings().loop(), () -> {
            flow.begin(Flow.BROWSER_REOFFERED, closed);
            if (offer.media().size() < paths.size()) {
                throw new SdpException("the re-offer has " + offer.media().size() + " m-lines, the call had "
                        + paths.size() + " (RFC 3264 §8.1: m-lines are never removed)");
            }
            List<LocalTransport> toIsland = new ArrayList<>();
            for (int i = 0; i < offer.media().size(); i++) {
                MediaDescription m = offer.media().get(i);
                Path p = path(i);
                if (!relayable(m) && i < paths.size()) {
                    closePath(i);
                    toIsland.add(null);
                } else if (!relayable(m)) {
                    addRejected(toIsland);
                } else if (i < paths.size()) {
                    if (p == null || p.closed) {
                        throw new SdpException("m-line " + i + " was rejected; a re-offer cannot bring it back");
                    }
                    String ufrag = RemoteTransport.of(offer, i).iceUfrag();
                    if (p.ownsBrowser && p.browserUfrag != null && !p.browserUfrag.equals(ufrag)) {
                        throw new SdpException("m-line " + i + ": an ICE restart is not relayed");
                    }
                    toIsland.add(local(p.island, DtlsSetup.of(p.island.dtlsRole())));
                } else {
                    boolean bundled = bundle != null && BundleGroup.bundles(offer, i);
                    if (bundled) {
                        bundle.join(i, m);
                    }
                    p = browserOffered(offer, i, bundled ? paths.get(bundle.tag()) : null);
                    toIsland.add(local(p.island, DtlsSetup.ACTPASS));
                }
            }
            return SdpRewriter.rewrite(offer, toIsland, false).toString();
        });
    }

    /** The island answered our offer: the answer for the browser (ICE-lite, setup from the browser's offer). */
    public String browserAnswerFromIslandAnswer(String islandAnswerSdp) throws SdpException {
        SessionDescription answer = SessionDescription.parse(islandAnswerSdp);
        return LoopCalls.call(ctx.settings().loop(), () -> {
            flow.expect(true, closed, answer, paths.size());
            List<LocalTransport> toBrowser = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                Path p = paths.get(i);
                if (p == null || p.closed || answer.media().get(i).isRejected()) {
                    closePath(i);
                    toBrowser.add(null);
                    continue;
                }
                toBrowser.add(local(p.browser, p.browserSetup));
                if (p.islandStarted) {
                    continue; // kept by a re-offer: its island leg runs on
                }
                p.islandStarted = true;
                RemoteTransport island = RemoteTransport.of(answer, i);
                p.island.setRemote(credentials(island), IslandCandidate.pick(answer, i, island));
                p.island.startDtls(
                        DtlsSetup.offererRole(setupOr(island.setup(), DtlsSetup.ACTIVE)), fingerprint(island, i));
            }
            flow.set(Flow.ANSWERED);
            updateState();
            SessionDescription out = SdpRewriter.rewrite(answer, toBrowser, true);
            if (bundle != null) {
                out.addAttribute("group", bundle.answerGroup(answer));
            }
            return out.toString();
        });
    }

    /** Island offered (S→C verto.invite or verto.attach): the offer for the browser. */
    public String browserOfferFromIslandOffer(String islandOfferSdp) throws SdpException {
        SessionDescription offer = SessionDescription.parse(islandOfferSdp);
        return LoopCalls.call(ctx.settings().loop(), () -> {
            flow.begin(Flow.ISLAND_OFFERED, closed);
            try {
                List<LocalTransport> toBrowser = new ArrayList<>();
                for (int i = 0; i < offer.media().size(); i++) {
                    if (!relayable(offer.media().get(i))) {
                        addRejected(toBrowser);
                        continue;
                    }
                    RemoteTransport island = RemoteTransport.of(offer, i);
                    Path p = newPath(i, false, null, offer.media().get(i));
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
            flow.expect(false, closed, answer, paths.size());
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
            flow.set(Flow.ANSWERED);
            updateState();
            return SdpRewriter.rewrite(answer, toIsland, false).toString();
        });
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

    /** A path with its own island leg, and its own browser leg unless {@code sharedBrowser} (a BUNDLE group's). */
    private Path newPath(int index, boolean islandControlling, BrowserTransport sharedBrowser, MediaDescription m)
            throws MediaCapacityException {
        Path p = Path.open(index, ctx, islandControlling, sharedBrowser, legListener);
        BrowserTransport browser = p.browser;
        IslandTransport island = p.island;
        PathQuality q = quality.add(PathQuality.clockRateOf(m));
        Side fromBrowser = q.fromBrowser();
        Side fromIsland = q.fromIsland();
        p.fromBrowser = fromBrowser;
        if (bundle != null && bundle.contains(index)) {
            BundleGroup group = bundle;
            browser.setSink(bundleSink);
            island.setSink((leg, rtcp, pkt) -> {
                group.fromIsland(index, rtcp, pkt);
                Path.forward(browser, rtcp, pkt, counters.islandToBrowser(), leg, fromIsland);
            });
        } else {
            browser.setSink(
                    (leg, rtcp, pkt) -> Path.forward(island, rtcp, pkt, counters.browserToIsland(), leg, fromBrowser));
            island.setSink(
                    (leg, rtcp, pkt) -> Path.forward(browser, rtcp, pkt, counters.islandToBrowser(), leg, fromIsland));
        }
        paths.add(p);
        counters.add(p.ownsBrowser ? browser.counters() : null, island.counters());
        return p;
    }

    /** A packet on a bundled browser leg: to the island leg of the m-line it belongs to. */
    private void fromBundle(MediaTransport leg, boolean rtcp, PacketBuffer pkt) {
        int section = bundle.fromBrowser(rtcp, pkt);
        Path p = section < 0 ? null : paths.get(section);
        if (p == null || p.closed) {
            leg.counters().discard(DiscardReason.UNKNOWN_BUNDLE_STREAM);
            return;
        }
        Path.forward(p.island, rtcp, pkt, counters.browserToIsland(), leg, p.fromBrowser);
    }

    private LocalTransport local(MediaTransport leg, DtlsSetup setup) {
        return LegNegotiation.local(ctx.settings(), leg, setup);
    }

    private void tick() {
        long now = System.nanoTime();
        Path.tick(paths, now);
    }

    private void closePath(int i) {
        Path.close(paths, i);
    }

    private void abort() {
        for (int i = 0; i < paths.size(); i++) {
            closePath(i);
        }
        paths.clear();
        bundle = null;
        flow.set(Flow.NONE);
    }

    private void updateState() {
        state = flow.relayState(closed ? RelayState.CLOSED : Path.legsState(paths));
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
        Path p = path(mediaIndex);
        return p == null ? null : p.browser;
    }

    private Path path(int mediaIndex) {
        return mediaIndex < paths.size() ? paths.get(mediaIndex) : null;
    }

    /** The island leg of a media section, or null when rejected. */
    public MediaTransport islandLeg(int mediaIndex) {
        Path p = path(mediaIndex);
        return p == null ? null : p.island;
    }

    /** The local port of the island leg of a media section (0 when rejected). */
    public int islandPort(int mediaIndex) {
        Path p = path(mediaIndex);
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
