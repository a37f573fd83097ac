package org.vertogw.island;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.island.media.IslandMedia;
import org.vertogw.island.media.MediaException;
import org.vertogw.protocol.message.HangupCause;

/**
 * Where a destination leads, as the default FreeSWITCH dialplan routes it: the echo extension answers at once, a
 * user of the caller's domain is rung on every registration (forking, docs/protocol.md §4.4), anything else ends with
 * the cause FreeSWITCH gives; 3000-3399 are the caller's domain's conference rooms ({@link Conferences}). A new
 * call and a transferred one take the same route; the transferred leg is already answered, so it hears the new party
 * without a new answer (docs/protocol.md §4.6, §4.8). A screen share (the Verto client's second call to
 * {@code <destination>-screen} with {@code screenShare}) on the echo extension is echoed; toward a user it is
 * answered at once and its media sunk, the user is not rung.
 */
final class Dialplan {

    private static final Logger LOG = LoggerFactory.getLogger(Dialplan.class);
    private static final String SCREEN_SUFFIX = "-screen";

    private final IslandConfig config;
    private final IslandMedia media;
    private final Sessions sessions;
    private final ScheduledExecutorService loop;
    private final Calls calls;
    private final Trunks trunks;
    private final Conferences conferences;

    Dialplan(
            IslandConfig config,
            Sessions sessions,
            ScheduledExecutorService loop,
            Calls calls,
            Trunks trunks,
            Conferences conferences) {
        this.trunks = trunks;
        this.conferences = conferences;
        this.config = config;
        this.media = config.media();
        this.sessions = sessions;
        this.loop = loop;
        this.calls = calls;
    }

    /**
     * Routes {@code a} to {@code destination} in {@code domain}. An unanswered leg is answered when the destination
     * answers; an answered one (a transfer) gets {@code verto.display} instead.
     */
    void route(Leg a, String destination, String domain) {
        String target = extension(destination, domain);
        if (target.equals(config.echoExtension())) {
            a.echo = true;
            if (a.media != null) {
                media.echo(a.media);
            }
            if (a.state == LegState.ANSWERED) {
                display(a, target, target);
            } else {
                calls.answerCaller(a);
            }
            return;
        }
        if (Conferences.isRoom(target)) {
            conferences.join(a, target, domain);
            return;
        }
        if (a.screenShare && target.endsWith(SCREEN_SUFFIX) && a.state != LegState.ANSWERED) {
            String base = target.substring(0, target.length() - SCREEN_SUFFIX.length());
            if (base.equals(config.echoExtension())) {
                route(a, base, domain);
                return;
            }
            if (!base.isEmpty() && config.directory().find(base, domain).isPresent()) {
                // the screen is taken in and not passed on: nothing rings, the media goes nowhere
                calls.answerCaller(a);
                return;
            }
        }
        if (target.isEmpty() || config.directory().find(target, domain).isEmpty()) {
            calls.hangup(a, HangupCause.NO_ROUTE_DESTINATION, true);
            return;
        }
        List<IslandConnection> targets = new ArrayList<>(sessions.byLogin(target + "@" + domain));
        targets.removeIf(c -> c.sessid().equals(a.sessid));
        if (targets.isEmpty() && config.routes() != null && config.trunkSecret() != null && !a.trunk) {
            lookup(a, target, domain);
            return;
        }
        ringAll(a, target, targets);
    }

    /**
     * The user is not registered here: the partition map says which island serves them (docs/operations.md, "Calls
     * across islands"). Another island gets the call over a trunk; this one, or no answer, means not registered.
     */
    private void lookup(Leg a, String target, String domain) {
        config.routes()
                .lookup(target, domain)
                .whenComplete((route, failure) -> execute(() -> {
                    if (a.state == LegState.ENDED) {
                        return;
                    }
                    if (failure != null) {
                        LOG.warn("route lookup for a call of {} failed: {}", a.callId, failure.toString());
                    }
                    if (route == null || route.island().equals(config.id())) {
                        ringAll(a, target, new ArrayList<>(sessions.byLogin(target + "@" + domain)));
                    } else if (route.verto() == null) {
                        LOG.warn(
                                "island {} serves the callee of {} but has no verto URL in the map",
                                route.island(),
                                a.callId);
                        calls.hangup(a, HangupCause.NO_ROUTE_DESTINATION, true);
                    } else {
                        trunks.call(a, target, domain, route);
                        ringTimer(a);
                    }
                }));
    }

    private void execute(Runnable task) {
        try {
            loop.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("island stopped; route answer dropped");
        }
    }

    private void ringAll(Leg a, String target, List<IslandConnection> targets) {
        targets.removeIf(c -> c.sessid().equals(a.sessid));
        if (targets.isEmpty()) {
            calls.hangup(a, HangupCause.USER_NOT_REGISTERED, true);
            return;
        }
        for (IslandConnection callee : targets) {
            ring(a, target, callee);
        }
        if (a.forks.isEmpty()) {
            calls.hangup(a, HangupCause.BEARERCAPABILITY_NOTAVAIL, true);
            return;
        }
        ringTimer(a);
    }

    /** NO_ANSWER for the caller when no fork answers within the ring timeout. */
    private void ringTimer(Leg a) {
        a.cancelTimer();
        a.timer = loop.schedule(
                () -> {
                    if (!a.forks.isEmpty()) {
                        calls.hangup(a, HangupCause.NO_ANSWER, true);
                    }
                },
                config.ringTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void ring(Leg a, String destination, IslandConnection callee) {
        Leg b = new Leg(UUID.randomUUID().toString(), false, callee);
        b.caller = a;
        b.callerIdName = a.partyName();
        b.callerIdNumber = a.partyNumber();
        b.calleeIdName = destination;
        b.calleeIdNumber = destination;
        String offer;
        try {
            b.media = media.newLeg(b.callId, a.media);
            offer = b.media.offer();
        } catch (MediaException e) {
            LOG.warn("no media for a callee leg of {}: {}", a.callId, e.getMessage());
            Leg.closeMedia(b);
            return;
        }
        a.forks.add(b);
        calls.add(b);
        ObjectNode params = Leg.partyParams(b, "outbound");
        params.put("sdp", offer);
        callee.request("verto.invite", params);
    }

    /** S→C {@code verto.display} (docs/protocol.md §4.8): the leg now talks to someone else. */
    static void display(Leg leg, String name, String number) {
        if (leg.inbound) {
            leg.calleeIdName = name;
            leg.calleeIdNumber = number;
        } else {
            leg.callerIdName = name;
            leg.callerIdNumber = number;
        }
        ObjectNode params = Leg.partyParams(leg, leg.inbound ? "outbound" : "inbound");
        params.put("display_name", name);
        params.put("display_number", number);
        Leg.send(leg, "verto.display", params);
    }

    /** The domain of {@code user@domain}, lower-cased; null without one. */
    static String domainOf(String destination) {
        int at = destination.trim().lastIndexOf('@');
        return at <= 0 || at == destination.trim().length() - 1
                ? null
                : destination.trim().substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** A destination as dialled: {@code 1001}, or {@code 1001@domain} of the caller's own domain. */
    static String extension(String destination, String domain) {
        String d = destination.trim();
        int at = d.indexOf('@');
        if (at >= 0 && d.substring(at + 1).toLowerCase(Locale.ROOT).equals(domain)) {
            return d.substring(0, at);
        }
        return d;
    }
}
