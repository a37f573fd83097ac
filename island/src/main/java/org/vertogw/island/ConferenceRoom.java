package org.vertogw.island;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vertogw.island.media.RoomMedia;

/**
 * One conference room, {@code <number>-<domain>}, with the four channels mod_conference gives it (docs/protocol.md
 * §5.5): the liveArray roster, chat, moderation and info, each {@code conference-<kind>.<room>@<domain>}. Members are
 * granted the channels they may use when they join and lose them when they leave. Runs on the island's thread; the
 * mixer's reports arrive through {@link Conferences}.
 */
final class ConferenceRoom {

    final String name;
    final String domain;
    final LiveArray roster;
    final String chatChannel;
    final String modChannel;
    final String infoChannel;
    final RoomMedia media;
    private final Channels channels;
    private final Map<Integer, ConferenceMember> members = new LinkedHashMap<>();
    private int nextId = 1;

    ConferenceRoom(String name, String domain, Channels channels, RoomMedia media) {
        this.name = name;
        this.domain = domain;
        this.roster = new LiveArray("conference-liveArray." + name + "@" + domain, name);
        this.chatChannel = "conference-chat." + name + "@" + domain;
        this.modChannel = "conference-mod." + name + "@" + domain;
        this.infoChannel = "conference-info." + name + "@" + domain;
        this.channels = channels;
        this.media = media;
    }

    int size() {
        return members.size();
    }

    ConferenceMember member(int id) {
        return members.get(id);
    }

    List<ConferenceMember> members() {
        return new ArrayList<>(members.values());
    }

    ConferenceMember newMember(Leg leg, boolean moderator) {
        return new ConferenceMember(nextId++, leg, moderator);
    }

    /** The member is in: its row is added, its channels granted, and its browser told where they are. */
    void joined(ConferenceMember m) {
        members.put(m.id, m);
        channels.publish(roster.channel, roster.change("add", m.key(), m.row()));
        for (String c : channelsOf(m)) {
            channels.grant(m.leg.sessid, c);
        }
        pvtData(m, "conference-liveArray-join");
    }

    void left(ConferenceMember m) {
        if (members.remove(m.id) == null) {
            return;
        }
        media.leave(m.media);
        channels.publish(roster.channel, roster.change("del", m.key(), m.row()));
        pvtData(m, "conference-liveArray-part");
        for (String c : channelsOf(m)) {
            channels.revoke(m.leg.sessid, c);
        }
    }

    /** A member's state changed: {@code modify} of its row. */
    void changed(ConferenceMember m) {
        if (members.containsKey(m.id)) {
            channels.publish(roster.channel, roster.change("modify", m.key(), m.row()));
        }
    }

    /** docs/protocol.md §2.4: a re-attached member gets its pvtData again (and has to subscribe again). */
    void reattached(ConferenceMember m) {
        pvtData(m, "conference-liveArray-join");
    }

    void bootstrap(IslandConnection to) {
        Map<String, ArrayNode> rows = new LinkedHashMap<>();
        for (ConferenceMember m : members.values()) {
            rows.put(m.key(), m.row());
        }
        channels.direct(to.sessid(), roster.boot(rows, to.sessid()));
    }

    /** Chat (§5.5): what a member sends is published to every subscriber of the chat channel. */
    void chat(IslandConnection from, ObjectNode data, String fromDisplay) {
        ObjectNode out = IslandConnection.object();
        out.put("direction", "outbound");
        out.put("message", data.path("message").asText(""));
        out.put("fromDisplay", fromDisplay);
        out.put("from", from.login());
        out.put("type", data.path("type").asText("message"));
        ObjectNode event = IslandConnection.object();
        event.put("eventChannel", chatChannel);
        event.set("data", out);
        channels.publish(chatChannel, event);
    }

    /** A moderator command's reply, to every subscriber of the moderation channel. */
    void modReply(String command, String response) {
        ObjectNode data = IslandConnection.object();
        data.put("conf-command", command);
        data.put("response", response);
        ObjectNode event = IslandConnection.object();
        event.put("eventChannel", modChannel);
        event.set("data", data);
        channels.publish(modChannel, event);
    }

    ConferenceMember bySessid(String sessid) {
        for (ConferenceMember m : members.values()) {
            if (m.leg.sessid.equals(sessid)) {
                return m;
            }
        }
        return null;
    }

    private List<String> channelsOf(ConferenceMember m) {
        return m.moderator
                ? List.of(roster.channel, chatChannel, infoChannel, modChannel)
                : List.of(roster.channel, chatChannel, infoChannel);
    }

    private void pvtData(ConferenceMember m, String action) {
        ObjectNode pvt = IslandConnection.object();
        pvt.put("callID", m.leg.callId);
        pvt.put("action", action);
        pvt.put("laChannel", roster.channel);
        pvt.put("laName", roster.name);
        pvt.put("role", m.moderator ? "moderator" : "participant");
        pvt.put("chatID", "conf+" + name + "@" + domain);
        pvt.put("conferenceMemberID", Integer.toString(m.id));
        pvt.put("canvasCount", 1);
        if (m.moderator) {
            pvt.put("modChannel", modChannel);
        }
        pvt.put("chatChannel", chatChannel);
        pvt.put("infoChannel", infoChannel);
        ObjectNode event = IslandConnection.object();
        event.put("eventChannel", m.leg.sessid);
        event.put("eventType", "channelPvtData");
        event.set("pvtData", pvt);
        channels.direct(m.leg.sessid, event);
    }
}
