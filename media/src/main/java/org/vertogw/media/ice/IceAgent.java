package org.vertogw.media.ice;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import org.vertogw.media.stun.MessageIntegrity;
import org.vertogw.media.stun.StunClass;
import org.vertogw.media.stun.StunMessage;
import org.vertogw.media.stun.StunMessageType;
import org.vertogw.media.stun.StunMessageWriter;

/**
 * A full ICE agent shaped like FreeSWITCH's (docs/protocol.md §6.2), for island legs and the island's endpoint: one
 * local host candidate, exactly one remote candidate (no pair list), Binding checks to it every interval for the
 * whole call (USERNAME remote:local, PRIORITY, ICE-CONTROLLING + USE-CANDIDATE or ICE-CONTROLLED, MESSAGE-INTEGRITY,
 * FINGERPRINT), role conflicts resolved by tie-breaker (RFC 8445 §7.3.1.1) and a 487 answer swapping our role
 * (§7.2.5.1).
 * The leg stays up only while checks succeed in either direction (RFC 7675). Sans-I/O, driven by one thread.
 */
public final class IceAgent implements IceConnectivity {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PENDING = 8;
    /** RFC 8445 §5.1.2.2: peer-reflexive type preference for the PRIORITY of our checks. */
    private static final long CHECK_PRIORITY = IceCandidate.priority(110, 65535, 1);

    private final IceCredentials local;
    private final BindingResponder responder;
    private final StunMessageWriter checks = new StunMessageWriter();
    private final IceOutput out;
    private final IceTimers timers;
    private final ConsentTimer consent;
    private final boolean checksWhenControlled;
    private final long tieBreaker = RANDOM.nextLong();
    /** Transaction ids of the checks in flight, 12 bytes each, and the role each claimed. */
    private final byte[] pending = new byte[PENDING * 12];

    private final boolean[] pendingUsed = new boolean[PENDING];
    private final boolean[] pendingControlling = new boolean[PENDING];
    private int pendingNext;
    private boolean controlling;
    /** The key of the peer's password; null until the peer's credentials are known. */
    private MessageIntegrity.Key remoteKey;

    private InetSocketAddress candidate;
    private InetSocketAddress selected;
    private long nextCheckNanos;
    private IceState state = IceState.NEW;
    private int roleSwaps;

    /**
     * @param controlling the offerer controls (RFC 8445 §6.1.1), as FreeSWITCH assumes
     * @param checksWhenControlled FreeSWITCH checks in both roles; a gateway island leg checks only when controlling
     */
    public IceAgent(
            IceCredentials local,
            boolean controlling,
            boolean checksWhenControlled,
            IceTimers timers,
            IceOutput out,
            long nowNanos) {
        this.local = local;
        this.responder = new BindingResponder(local);
        this.controlling = controlling;
        this.checksWhenControlled = checksWhenControlled;
        this.timers = timers;
        this.out = out;
        this.consent = new ConsentTimer(timers, nowNanos);
        this.nextCheckNanos = nowNanos;
    }

    @Override
    public IceCredentials localCredentials() {
        return local;
    }

    /** The peer's credentials and the one candidate we will check (the first usable one of its SDP). */
    public void setRemote(IceCredentials remote, InetSocketAddress candidate) {
        this.remoteKey = remote == null ? null : MessageIntegrity.Key.of(remote.password());
        responder.setRemote(remote);
        this.candidate = candidate;
        if (state == IceState.NEW) {
            setState(IceState.CHECKING);
        }
    }

    public boolean isControlling() {
        return controlling;
    }

    public int roleSwaps() {
        return roleSwaps;
    }

    @Override
    public IceState state() {
        return state;
    }

    @Override
    public InetSocketAddress selected() {
        return selected;
    }

    @Override
    public IceDiscard handle(StunMessage m, InetSocketAddress from, long nowNanos) {
        if (state == IceState.CLOSED || state == IceState.FAILED) {
            return IceDiscard.CLOSED;
        }
        if (m.method() != StunMessageType.BINDING) {
            return IceDiscard.NOT_A_BINDING_REQUEST;
        }
        return m.stunClass() == StunClass.REQUEST ? request(m, from, nowNanos) : response(m, nowNanos);
    }

    private IceDiscard request(StunMessage m, InetSocketAddress from, long nowNanos) {
        IceDiscard d = responder.validate(m);
        if (d != IceDiscard.NONE) {
            return d;
        }
        if (responder.refuseUnknown(m, from, out)) {
            return IceDiscard.NONE;
        }
        boolean conflict = controlling ? m.iceControlling() : m.iceControlled();
        if (conflict) {
            boolean weWin = Long.compareUnsigned(tieBreaker, m.tieBreaker()) >= 0;
            if (weWin == controlling) {
                responder.error(m, 487, "Role Conflict", from, out);
                return IceDiscard.NONE;
            }
            swapRole();
        }
        responder.success(m, from, out);
        if (selected == null || (m.useCandidate() && !from.equals(selected))) {
            select(from);
        }
        if (from.equals(selected)) {
            connected(nowNanos);
        }
        return IceDiscard.NONE;
    }

    private IceDiscard response(StunMessage m, long nowNanos) {
        int slot = pendingSlot(m);
        if (slot < 0) {
            return IceDiscard.UNMATCHED_RESPONSE;
        }
        if (remoteKey == null || !m.verifyMessageIntegrity(remoteKey)) {
            return IceDiscard.BAD_MESSAGE_INTEGRITY;
        }
        pendingUsed[slot] = false;
        if (m.stunClass() == StunClass.ERROR_RESPONSE) {
            // RFC 8445 §7.2.5.1: switch to the role opposite the one the request claimed, unless already done
            if (m.errorCode() == 487 && controlling == pendingControlling[slot]) {
                swapRole();
                nextCheckNanos = nowNanos;
            }
            return IceDiscard.NONE;
        }
        if (!candidate.equals(selected)) {
            select(candidate);
        }
        connected(nowNanos);
        return IceDiscard.NONE;
    }

    private int pendingSlot(StunMessage m) {
        for (int i = 0; i < PENDING; i++) {
            if (pendingUsed[i] && m.hasTransactionId(pending, i * 12)) {
                return i;
            }
        }
        return -1;
    }

    /** Sends a check when one is due and applies the consent timers; call at least once per check interval. */
    @Override
    public void tick(long nowNanos) {
        if (state == IceState.CLOSED || state == IceState.FAILED) {
            return;
        }
        if (remoteKey != null && (controlling || checksWhenControlled) && nowNanos - nextCheckNanos >= 0) {
            sendCheck();
            nextCheckNanos = nowNanos + timers.checkInterval().toNanos();
        }
        if (state != IceState.NEW) {
            setState(consent.evaluate(state, nowNanos));
        }
    }

    private void sendCheck() {
        StunMessageWriter w = checks.startRequest(StunMessageType.BINDING)
                .username(responder.remoteUfrag(), responder.localUfrag())
                .priority(CHECK_PRIORITY);
        if (controlling) {
            w.iceControlling(tieBreaker).useCandidate();
        } else {
            w.iceControlled(tieBreaker);
        }
        int n = w.messageIntegrity(remoteKey).fingerprint().finish();
        w.transactionId(pending, pendingNext * 12);
        pendingUsed[pendingNext] = true;
        pendingControlling[pendingNext] = controlling;
        pendingNext = (pendingNext + 1) % PENDING;
        out.send(w.array(), 0, n, candidate);
    }

    private void swapRole() {
        controlling = !controlling;
        roleSwaps++;
    }

    private void select(InetSocketAddress address) {
        selected = address;
        out.onSelected(address);
    }

    private void connected(long nowNanos) {
        consent.proof(nowNanos);
        setState(IceState.CONNECTED);
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
