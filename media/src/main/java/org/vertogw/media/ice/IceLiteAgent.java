package org.vertogw.media.ice;

import java.net.InetSocketAddress;
import org.vertogw.media.stun.StunMessage;

/**
 * An ICE-lite agent (RFC 8445 §2.5) with one host candidate, toward browsers: it never sends checks and is always
 * controlled. It answers authentic Binding requests, and the selected pair follows USE-CANDIDATE: the peer address
 * changes only through a valid nominating check. Consent (RFC 7675) is the browser's checks on the selected pair:
 * a silent peer goes disconnected, then failed. Sans-I/O: bytes and events go to an {@link IceOutput}; one thread
 * drives it.
 */
public final class IceLiteAgent implements IceConnectivity {

    private final IceCredentials local;
    private final BindingResponder responder;
    private final IceOutput out;
    private final ConsentTimer consent;
    private InetSocketAddress selected;
    private IceState state = IceState.NEW;

    public IceLiteAgent(IceCredentials local, IceTimers timers, IceOutput out, long nowNanos) {
        this.local = local;
        this.responder = new BindingResponder(local);
        this.out = out;
        this.consent = new ConsentTimer(timers, nowNanos);
    }

    @Override
    public IceCredentials localCredentials() {
        return local;
    }

    /** The peer's ufrag and password from its SDP; checks must then name its ufrag. */
    public void setRemoteCredentials(IceCredentials remote) {
        responder.setRemote(remote);
    }

    @Override
    public IceState state() {
        return state;
    }

    @Override
    public InetSocketAddress selected() {
        return selected;
    }

    /** Handles a STUN message from {@code from}; returns why it was dropped, or NONE when answered. */
    @Override
    public IceDiscard handle(StunMessage m, InetSocketAddress from, long nowNanos) {
        if (state == IceState.CLOSED || state == IceState.FAILED) {
            return IceDiscard.CLOSED;
        }
        IceDiscard d = responder.validate(m);
        if (d != IceDiscard.NONE) {
            return d;
        }
        if (responder.refuseUnknown(m, from, out)) {
            return IceDiscard.NONE;
        }
        // select before answering: the answer lets the peer start DTLS and media, which must then find the route
        if (m.useCandidate() && !from.equals(selected)) {
            selected = from;
            out.onSelected(from);
        }
        responder.success(m, from, out);
        if (selected == null) {
            setState(IceState.CHECKING);
        } else if (from.equals(selected)) {
            consent.proof(nowNanos);
            setState(IceState.CONNECTED);
        }
        return IceDiscard.NONE;
    }

    /** Applies the consent timers; call about once a second. */
    @Override
    public void tick(long nowNanos) {
        if (state == IceState.CLOSED || state == IceState.FAILED) {
            return;
        }
        setState(consent.evaluate(state, nowNanos));
    }

    @Override
    public void close() {
        setState(IceState.CLOSED);
    }

    private void setState(IceState next) {
        if (next != state) {
            IceState previous = state;
            state = next;
            out.onStateChanged(previous, next);
        }
    }
}
