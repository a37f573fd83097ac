package org.vertogw.island;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.vertogw.island.media.TerminatingMedia;
import org.vertogw.media.MediaEngine;
import org.vertogw.testing.VertoTestClient;

/**
 * An island with terminating media, a member limit of 3 per room and 4 in all, phones on a media engine of their own, and the helpers
 * of the conference tests (docs/protocol.md §5.5, "Embedded island").
 */
abstract class ConferenceTestBase {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Goertzel power of a tone clearly heard (amplitude over about 2000 of 32768). */
    static final double HEARD = 1e6;
    /** ... and of one not heard (amplitude under about 600). */
    static final double SILENT = 1e5;
    /**
     * Handshakes get longer than the default 10 s: these tests are about the room, and on a machine shared with other
     * builds a DTLS handshake has been seen to need more.
     */
    static final Duration HANDSHAKE = Duration.ofSeconds(40);

    final List<AutoCloseable> open = new ArrayList<>();
    VertoIsland island;
    MediaEngine phones;
    ScheduledExecutorService talk;

    @BeforeEach
    void start() throws Exception {
        island = VertoIsland.start(IslandConfig.builder("fs-conf")
                .conferenceMaxMembers(3)
                .conferenceMaxTotal(4)
                .media(new TerminatingMedia(MediaEngine.start(TerminatingMedia.config()
                        .bindAddress("127.0.0.1")
                        .browserPort(0)
                        .islandPorts(0, 0)
                        .dtlsTimeout(HANDSHAKE)
                        .build())))
                .build());
        phones = MediaEngine.start(TerminatingMedia.config()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .dtlsTimeout(HANDSHAKE)
                .build());
        talk = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() throws Exception {
        talk.shutdownNow();
        for (AutoCloseable c : open) {
            c.close();
        }
        island.close();
        phones.close();
    }

    ConferencePhone phone(String login, double hz) throws Exception {
        ConferencePhone p = new ConferencePhone(island.uri(), phones, login, hz);
        open.add(0, p);
        return p;
    }

    ConferencePhone join(String login, double hz, String destination) throws Exception {
        ConferencePhone p = phone(login, hz);
        assertThat(p.dial(destination).path("result").path("message").asText()).isEqualTo("CALL CREATED");
        p.joined();
        return p;
    }

    /** Every phone talks: one 20 ms frame each per 20 ms, paced by a timer as a microphone would be. */
    void talk(List<ConferencePhone> who) {
        talk.scheduleAtFixedRate(() -> who.forEach(ConferencePhone::sendFrame), 0, 20, TimeUnit.MILLISECONDS);
    }

    static ObjectNode channels(String... names) {
        ObjectNode p = VertoTestClient.params();
        var arr = p.putArray("eventChannel");
        for (String n : names) {
            arr.add(n);
        }
        return p;
    }

    static JsonNode broadcast(ConferencePhone from, String channel, ObjectNode data) throws Exception {
        ObjectNode p = VertoTestClient.params();
        p.put("eventChannel", channel);
        p.set("data", data);
        return from.client.call("verto.broadcast", p);
    }

    static JsonNode liveArrayEvent(ConferencePhone p, String action) throws Exception {
        return p.client.await(
                m -> "verto.event".equals(m.path("method").asText())
                        && action.equals(
                                m.path("params").path("data").path("action").asText()),
                action + " on the roster of " + p.login);
    }

    /** The liveArray {@code modify} that {@code on} receives for {@code member}'s row, its status containing {@code fragment}. */
    static JsonNode rowModified(ConferencePhone on, ConferencePhone member, String fragment, String what)
            throws Exception {
        return on.client.await(
                m -> {
                    JsonNode d = m.path("params").path("data");
                    return "modify".equals(d.path("action").asText())
                            && member.callId.equals(d.path("hashKey").asText())
                            && d.path("data").get(4).asText().contains(fragment);
                },
                what);
    }

    static JsonNode status(JsonNode row) throws Exception {
        return JSON.readTree(row.get(4).asText());
    }
}
