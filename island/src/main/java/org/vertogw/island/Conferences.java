package org.vertogw.island;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.island.media.IslandMedia;
import org.vertogw.island.media.MediaException;
import org.vertogw.island.media.RoomMedia;
import org.vertogw.protocol.message.HangupCause;

/**
 * Conference rooms per domain, as FreeSWITCH's default dialplan makes them (docs/protocol.md §5.5, "Embedded
 * island"): {@code 3000}-{@code 3399} join the room {@code <number>-<domain>} of the caller's own domain, so two
 * tenants dialling 3000 meet in two rooms. {@code <number>-moderator} joins as moderator (FreeSWITCH's
 * {@code conference_member_flags=moderator}). A room holds at most {@code conferenceMaxMembers} and all rooms
 * together {@code conferenceMaxTotal} (the one mixing thread's budget); one more is refused with CALL_REJECTED and
 * counted. The module on the event bus for {@code conference-*} channels; runs on the island's thread.
 */
final class Conferences implements Channels.Module {

    private static final Logger LOG = LoggerFactory.getLogger(Conferences.class);
    private static final Pattern ROOM = Pattern.compile("(3[0-3][0-9]{2})(-moderator)?");

    private final IslandConfig config;
    private final IslandMedia media;
    private final Channels channels;
    private final Executor island;
    private final Calls calls;
    private final ConferenceControl control;
    private final Map<String, ConferenceRoom> rooms = new HashMap<>();
    private final Map<String, ConferenceRoom> byChannel = new HashMap<>();
    private long joined;
    private long refusedFull;

    Conferences(IslandConfig config, Channels channels, Executor island, Calls calls) {
        this.config = config;
        this.media = config.media();
        this.channels = channels;
        this.island = island;
        this.calls = calls;
        this.control = new ConferenceControl(calls);
        channels.register(this);
    }

    /** Whether {@code target} (an extension of the caller's domain) is a conference room. */
    static boolean isRoom(String target) {
        return ROOM.matcher(target).matches();
    }

    /** Joins {@code a} to the room {@code target} of {@code domain}; answers it unless it is answered already. */
    void join(Leg a, String target, String domain) {
        Matcher m = ROOM.matcher(target);
        if (!m.matches()) {
            calls.hangup(a, HangupCause.NO_ROUTE_DESTINATION, true);
            return;
        }
        String name = m.group(1) + "-" + domain;
        ConferenceRoom room = rooms.get(name);
        int total = rooms.values().stream().mapToInt(ConferenceRoom::size).sum();
        if ((room != null && room.size() >= config.conferenceMaxMembers()) || total >= config.conferenceMaxTotal()) {
            refusedFull++;
            LOG.info(
                    "conference {} is full ({} members, {} in all rooms): a call was refused",
                    name,
                    room == null ? 0 : room.size(),
                    total);
            calls.hangup(a, HangupCause.CALL_REJECTED, true);
            return;
        }
        if (room == null) {
            room = open(name, domain);
        }
        ConferenceMember member = room.newMember(a, m.group(2) != null);
        try {
            member.media = room.media.join(a.media, member.id);
        } catch (MediaException e) {
            LOG.info("a call cannot join conference {}: {}", name, e.getMessage());
            closeIfEmpty(room);
            calls.hangup(a, HangupCause.INCOMPATIBLE_DESTINATION, true);
            return;
        }
        if (a.state == LegState.ANSWERED) {
            Dialplan.display(a, name, m.group(1));
        } else {
            calls.answerCaller(a);
        }
        if (a.state != LegState.ANSWERED) {
            room.media.leave(member.media);
            closeIfEmpty(room);
            return;
        }
        a.conference = room;
        a.member = member;
        joined++;
        room.joined(member);
    }

    /** The leg ended or was transferred away: its row goes, and an empty room closes. */
    void leave(Leg leg) {
        ConferenceRoom room = leg.conference;
        if (room == null) {
            return;
        }
        leg.conference = null;
        room.left(leg.member);
        leg.member = null;
        closeIfEmpty(room);
    }

    /** The leg came back with new media (docs/protocol.md §2.4): it rejoins the mix and gets its pvtData again. */
    void reattached(Leg leg) {
        ConferenceRoom room = leg.conference;
        ConferenceMember m = leg.member;
        room.media.leave(m.media);
        try {
            m.media = room.media.join(leg.media, m.id);
        } catch (MediaException e) {
            calls.hangup(leg, HangupCause.INCOMPATIBLE_DESTINATION, true);
            return;
        }
        m.media.muted(m.muted);
        m.media.deaf(m.deaf);
        room.reattached(m);
    }

    @Override
    public String prefix() {
        return "conference-";
    }

    /** A broadcast on a room channel the sender was granted: bootstrap, chat or a moderator command. */
    @Override
    public void broadcast(IslandConnection from, String channel, ObjectNode event) {
        ConferenceRoom room = byChannel.get(channel);
        if (room == null) {
            return;
        }
        JsonNode data = event.path("data");
        ConferenceMember sender = room.bySessid(from.sessid());
        if (channel.equals(room.roster.channel)) {
            if ("bootstrap".equals(data.path("liveArray").path("command").asText())) {
                room.bootstrap(from);
            }
        } else if (channel.equals(room.chatChannel)) {
            if ("send".equals(data.path("action").asText())
                    && data.path("message").isTextual()) {
                room.chat(from, (ObjectNode) data, sender == null ? from.user().id() : sender.leg.callerIdName);
            }
        } else if (channel.equals(room.modChannel) && data.isObject()) {
            control.command(room, (ObjectNode) data);
        }
    }

    ConferenceStats stats() {
        int members = rooms.values().stream().mapToInt(ConferenceRoom::size).sum();
        return new ConferenceStats(rooms.size(), members, joined, refusedFull);
    }

    List<ConferenceRoom> rooms() {
        return new ArrayList<>(rooms.values());
    }

    private ConferenceRoom open(String name, String domain) {
        ConferenceRoom[] holder = new ConferenceRoom[1];
        RoomMedia roomMedia = media.room(name, new RoomMedia.Listener() {
            @Override
            public void talking(int memberId, boolean talking) {
                onIsland(() -> {
                    ConferenceMember m = holder[0].member(memberId);
                    if (m != null && m.talking != talking) {
                        m.talking = talking;
                        holder[0].changed(m);
                    }
                });
            }

            @Override
            public void floor(int memberId) {
                onIsland(() -> {
                    for (ConferenceMember m : holder[0].members()) {
                        boolean holds = m.id == memberId;
                        if (m.floor != holds) {
                            m.floor = holds;
                            holder[0].changed(m);
                        }
                    }
                });
            }
        });
        ConferenceRoom room = new ConferenceRoom(name, domain, channels, roomMedia);
        holder[0] = room;
        rooms.put(name, room);
        for (String c : List.of(room.roster.channel, room.chatChannel, room.modChannel, room.infoChannel)) {
            byChannel.put(c, room);
        }
        LOG.debug("conference {} opened", name);
        return room;
    }

    private void closeIfEmpty(ConferenceRoom room) {
        if (room.size() > 0 || rooms.get(room.name) != room) {
            return;
        }
        rooms.remove(room.name);
        byChannel.values().removeIf(r -> r == room);
        room.media.close();
        LOG.debug("conference {} closed", room.name);
    }

    private void onIsland(Runnable task) {
        try {
            island.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("island stopped; conference report dropped");
        }
    }

    /** Rooms open, members in them, joins since start, and joins refused because the room was full. */
    public record ConferenceStats(int rooms, int members, long joined, long refusedFull) {}
}
