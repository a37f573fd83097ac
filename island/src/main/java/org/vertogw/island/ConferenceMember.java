package org.vertogw.island;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vertogw.island.media.RoomMedia;

/**
 * One leg in a conference room and the state its roster row shows (docs/protocol.md §5.5): the row is
 * {@code ["0001", number, name, "opus@48000", status, {}, null]} with {@code status} a JSON string of the audio and
 * video flags, as mod_conference writes it.
 */
final class ConferenceMember {

    final int id;
    final boolean moderator;
    Leg leg;
    RoomMedia.Member media;
    boolean muted;
    boolean deaf;
    boolean videoMuted;
    boolean talking;
    boolean floor;

    ConferenceMember(int id, Leg leg, boolean moderator) {
        this.id = id;
        this.leg = leg;
        this.moderator = moderator;
    }

    /** The row's key (FreeSWITCH uses the member's channel UUID). */
    String key() {
        return leg.callId;
    }

    ArrayNode row() {
        ArrayNode row = IslandConnection.object().arrayNode();
        row.add(String.format("%04d", id));
        row.add(leg.callerIdNumber);
        row.add(leg.callerIdName);
        row.add("opus@48000");
        row.add(status().toString());
        row.addObject();
        row.addNull();
        return row;
    }

    ObjectNode status() {
        ObjectNode s = IslandConnection.object();
        ObjectNode audio = s.putObject("audio");
        audio.put("muted", muted);
        audio.put("deaf", deaf);
        audio.put("onHold", leg.held);
        audio.put("talking", talking);
        audio.put("floor", floor);
        audio.put("energyScore", 0);
        ObjectNode video = s.putObject("video");
        video.put("visible", !videoMuted);
        video.put("videoOnly", false);
        video.put("avatarPresented", false);
        video.put("mediaFlow", "sendRecv");
        video.put("muted", videoMuted);
        video.put("floor", floor);
        video.putNull("reservationID");
        video.putNull("roleID");
        video.put("videoLayerID", -1);
        return s;
    }
}
