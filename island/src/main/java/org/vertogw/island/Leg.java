package org.vertogw.island;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.vertogw.island.media.LegMedia;

/**
 * One call leg: the island's channel toward one browser session, named by its {@code callID} (a FreeSWITCH channel
 * UUID). A browser-originated leg (inbound) is the caller; a callee's leg (outbound) rings a registration. Owned by
 * a {@code sessid}, not a socket, so it survives the socket through detach and re-attach (docs/protocol.md §2.3, §2.4).
 */
final class Leg {

    final String callId;
    final boolean inbound;
    final String login;
    final String sessid;
    IslandConnection connection;
    LegState state = LegState.RINGING;
    LegMedia media;
    boolean echo;
    boolean held;
    boolean recoverCall = true;
    boolean awaitingAttachAnswer;
    /** Set by a transfer that succeeded: the leg ends once the transfer's result is sent. */
    boolean transferred;
    /** The bridged partner once answered. */
    Leg partner;
    /** While ringing: the caller's leg of this callee leg. */
    Leg caller;
    /** While ringing: the callee legs of this caller leg, one per registration (forking, docs/protocol.md §4.4). */
    final List<Leg> forks = new ArrayList<>();

    String callerIdName;
    String callerIdNumber;
    String calleeIdName;
    String calleeIdNumber;
    final StringBuilder dtmf = new StringBuilder();
    ScheduledFuture<?> timer;

    Leg(String callId, boolean inbound, IslandConnection owner) {
        this.callId = callId;
        this.inbound = inbound;
        this.login = owner.login();
        this.sessid = owner.sessid();
        this.connection = owner;
    }

    /** The name of this leg's user, as the other party sees it: the caller's, or the answering callee's. */
    String partyName() {
        return inbound ? callerIdName : calleeIdName;
    }

    String partyNumber() {
        return inbound ? callerIdNumber : calleeIdNumber;
    }

    boolean detached() {
        return connection == null && state == LegState.ANSWERED;
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
