package org.vertogw.island;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vertogw.protocol.message.HangupCause;

/**
 * Moderator commands, as verto.js's conference object sends them on the moderation channel (docs/protocol.md §5.5):
 * {@code {application:"conf-control", command, id, value}}. Each is answered on that channel with
 * {@code conf-command} and {@code response} ({@code OK <command> <id>}, or why not). Only members granted the
 * moderation channel (moderators) reach this.
 */
final class ConferenceControl {

    private final Calls calls;

    ConferenceControl(Calls calls) {
        this.calls = calls;
    }

    void command(ConferenceRoom room, ObjectNode data) {
        if (!"conf-control".equals(data.path("application").asText())) {
            return;
        }
        String command = data.path("command").asText("");
        if (command.isEmpty()) {
            room.modReply(command, "Command missing");
            return;
        }
        ConferenceMember m = room.member(memberId(data.path("id").asText("")));
        if (m == null) {
            room.modReply(command, "Member not found");
            return;
        }
        String response = apply(room, m, command);
        room.modReply(command, response == null ? "OK " + command + " " + m.id : response);
    }

    /** Null when done, else the reason it was not. */
    private String apply(ConferenceRoom room, ConferenceMember m, String command) {
        switch (command) {
            case "mute" -> audio(m, true, m.deaf);
            case "unmute" -> audio(m, false, m.deaf);
            case "tmute" -> audio(m, !m.muted, m.deaf);
            case "deaf" -> audio(m, m.muted, true);
            case "undeaf" -> audio(m, m.muted, false);
            case "vmute" -> m.videoMuted = true;
            case "unvmute" -> m.videoMuted = false;
            case "tvmute" -> m.videoMuted = !m.videoMuted;
            case "vid-floor" -> {
                room.media.lockFloor(m.media);
                return null;
            }
            case "kick" -> {
                calls.hangup(m.leg, HangupCause.NORMAL_CLEARING, true);
                return null;
            }
            default -> {
                return "Unsupported command " + command;
            }
        }
        room.changed(m);
        return null;
    }

    private static void audio(ConferenceMember m, boolean muted, boolean deaf) {
        m.muted = muted;
        m.deaf = deaf;
        m.media.muted(muted);
        m.media.deaf(deaf);
    }

    /** A member id as the roster shows it ("0001") or as a number. */
    static int memberId(String id) {
        try {
            return Integer.parseInt(id.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
