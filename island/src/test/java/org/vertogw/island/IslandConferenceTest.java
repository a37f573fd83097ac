package org.vertogw.island;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertogw.testing.Await;
import org.vertogw.testing.VertoTestClient;

/**
 * Conference rooms on the island (docs/protocol.md §5.4, §5.5, "Embedded island"): real WebRTC endpoints as phones,
 * each sending its own Opus tone, each hearing the others' frequencies and not its own; the liveArray roster, chat,
 * moderation and channel permissions as mod_conference gives them; rooms per domain and the member limit.
 */
class IslandConferenceTest extends ConferenceTestBase {

    @Test
    void eachMemberHearsTheOthersButNotItselfAndAModeratorMuteSilencesOne() throws Exception {
        ConferencePhone alice = join("1000@a.example", 450, "3000-moderator");
        ConferencePhone bob = join("1001@a.example", 1000, "3000");
        ConferencePhone carol = join("1002@a.example", 1700, "3000");
        List<ConferencePhone> all = List.of(alice, bob, carol);
        assertThat(alice.pvtData.path("laChannel").asText()).isEqualTo("conference-liveArray.3000-a.example@a.example");
        assertThat(alice.pvtData.path("role").asText()).isEqualTo("moderator");
        assertThat(alice.channel("modChannel")).isEqualTo("conference-mod.3000-a.example@a.example");
        assertThat(bob.pvtData.path("role").asText()).isEqualTo("participant");
        assertThat(bob.pvtData.has("modChannel")).isFalse();
        Await.until(
                "every phone connected",
                Duration.ofSeconds(60),
                () -> all.stream().allMatch(p -> p.endpoint.isConnected()));
        talk(all);

        for (ConferencePhone p : all) {
            Await.until(
                    p.login + " hears the other two and not itself",
                    Duration.ofSeconds(30),
                    () -> all.stream().allMatch(o -> o == p ? p.hears(o.hz) < SILENT : p.hears(o.hz) > HEARD),
                    () -> all.stream()
                            .map(o -> o.hz + " Hz: " + p.hears(o.hz))
                            .toList()
                            .toString());
        }

        // the roster, as verto.js reads it: subscribe to the granted channels, bootstrap, then changes
        assertThat(alice.client
                        .call(
                                "verto.subscribe",
                                channels(
                                        alice.channel("laChannel"),
                                        alice.channel("chatChannel"),
                                        alice.channel("modChannel")))
                        .path("result")
                        .path("subscribedChannels"))
                .hasSize(3);
        assertThat(carol.client
                        .call("verto.subscribe", channels(carol.channel("chatChannel")))
                        .has("result"))
                .isTrue();
        ObjectNode bootstrap = VertoTestClient.params();
        bootstrap
                .putObject("liveArray")
                .put("command", "bootstrap")
                .put("context", alice.channel("laChannel"))
                .put("name", alice.channel("laName"));
        assertThat(broadcast(alice, alice.channel("laChannel"), bootstrap).has("result"))
                .isTrue();
        JsonNode boot = liveArrayEvent(alice, "bootObj").path("params");
        assertThat(boot.has("eventSerno")).isFalse();
        assertThat(boot.path("data").path("wireSerno").asInt()).isEqualTo(-1);
        JsonNode rows = boot.path("data").path("data");
        assertThat(rows).hasSize(3);
        JsonNode bobRow = rows.get(1).get(1);
        assertThat(rows.get(1).get(0).asText()).isEqualTo(bob.callId);
        assertThat(bobRow.get(0).asText()).isEqualTo(String.format("%04d", bob.memberId()));
        assertThat(bobRow.get(1).asText()).isEqualTo("1001");
        assertThat(bobRow.get(2).asText()).isEqualTo("1001 name");
        assertThat(bobRow.get(3).asText()).isEqualTo("opus@48000");
        assertThat(status(bobRow).path("audio").path("muted").asBoolean()).isFalse();
        assertThat(bobRow.get(6).isNull()).isTrue();

        // chat reaches every subscriber of the chat channel, with who sent it
        ObjectNode chat = VertoTestClient.params().put("action", "send").put("message", "hi all");
        chat.put("type", "message");
        assertThat(broadcast(bob, bob.channel("chatChannel"), chat)
                        .path("result")
                        .has("code"))
                .isFalse();
        for (ConferencePhone p : List.of(alice, carol)) {
            JsonNode heard = p.client.await(
                    m -> "hi all"
                            .equals(m.path("params")
                                    .path("data")
                                    .path("message")
                                    .asText()),
                    "chat at " + p.login);
            assertThat(heard.path("params").path("data").path("from").asText()).isEqualTo("1001@a.example");
            assertThat(heard.path("params").path("data").path("fromDisplay").asText())
                    .isEqualTo("1001 name");
            assertThat(heard.path("params").path("data").path("direction").asText())
                    .isEqualTo("outbound");
            assertThat(heard.path("params").has("eventSerno")).isTrue();
        }

        // a moderator mutes bob: the roster says so, and the others stop hearing 1000 Hz
        ObjectNode mute = VertoTestClient.params()
                .put("application", "conf-control")
                .put("command", "mute")
                .put("id", bob.memberId());
        mute.putNull("value");
        broadcast(alice, alice.channel("modChannel"), mute);
        JsonNode reply = alice.client.await(
                m -> "mute"
                        .equals(m.path("params")
                                .path("data")
                                .path("conf-command")
                                .asText()),
                "moderator reply");
        assertThat(reply.path("params").path("data").path("response").asText()).isEqualTo("OK mute " + bob.memberId());
        JsonNode muted = rowModified(alice, bob, "\"muted\":true", "bob's row muted");
        assertThat(muted.path("params").path("data").path("wireSerno").asLong()).isGreaterThan(3);
        Await.until(
                "alice and carol no longer hear bob, and still hear each other",
                Duration.ofSeconds(20),
                () -> alice.hears(bob.hz) < SILENT
                        && carol.hears(bob.hz) < SILENT
                        && alice.hears(carol.hz) > HEARD
                        && carol.hears(alice.hz) > HEARD);
    }

    @Test
    void talkingChangesTheRowAndEveryChangeIsNumberedOneAboveTheLast() throws Exception {
        ConferencePhone alice = join("1000@a.example", 450, "3000");
        ConferencePhone bob = join("1001@a.example", 1000, "3000");
        alice.client.call("verto.subscribe", channels(alice.channel("laChannel")));
        Await.until(
                "both phones connected",
                Duration.ofSeconds(60),
                () -> alice.endpoint.isConnected() && bob.endpoint.isConnected());
        talk(List.of(bob));
        JsonNode first = alice.client.await(
                m -> "modify"
                                .equals(m.path("params")
                                        .path("data")
                                        .path("action")
                                        .asText())
                        && m.path("params")
                                .path("data")
                                .path("data")
                                .get(4)
                                .asText()
                                .contains("\"talking\":true"),
                "bob talking");
        long serno = first.path("params").path("data").path("wireSerno").asLong();
        assertThat(first.path("params").path("data").path("hashKey").asText()).isEqualTo(bob.callId);
        ConferencePhone carol = join("1002@a.example", 1700, "3000");
        JsonNode added = liveArrayEvent(alice, "add");
        assertThat(added.path("params").path("data").path("hashKey").asText()).isEqualTo(carol.callId);
        assertThat(added.path("params").path("data").path("wireSerno").asLong()).isGreaterThan(serno);
        carol.client.call("verto.bye", VertoTestClient.callParams(carol.callId, carol.sessid));
        JsonNode del = liveArrayEvent(alice, "del");
        assertThat(del.path("params").path("data").path("wireSerno").asLong())
                .isEqualTo(added.path("params").path("data").path("wireSerno").asLong() + 1);
        assertThat(carol.client
                        .await(
                                m -> "conference-liveArray-part"
                                        .equals(m.path("params")
                                                .path("pvtData")
                                                .path("action")
                                                .asText()),
                                "carol's part")
                        .path("params")
                        .path("pvtData")
                        .path("laChannel")
                        .asText())
                .isEqualTo(alice.channel("laChannel"));
    }

    @Test
    void onlyGrantedChannelsMaySubscribeOrBroadcast() throws Exception {
        ConferencePhone alice = join("1000@a.example", 450, "3000-moderator");
        ConferencePhone bob = join("1001@a.example", 1000, "3000");
        JsonNode refused = bob.client.call("verto.subscribe", channels(alice.channel("modChannel")));
        assertThat(refused.path("error").path("unauthorizedChannels").get(0).asText())
                .isEqualTo(alice.channel("modChannel"));
        assertThat(refused.path("error").has("code")).isFalse();
        JsonNode mixed = bob.client.call(
                "verto.subscribe",
                channels(bob.channel("laChannel"), "conference-liveArray.3000-b.example@b.example", "conference-chat"));
        assertThat(mixed.path("result").path("subscribedChannels")).hasSize(1);
        assertThat(mixed.path("result").path("unauthorizedChannels")).hasSize(2);
        ObjectNode kick = VertoTestClient.params()
                .put("application", "conf-control")
                .put("command", "kick")
                .put("id", alice.memberId());
        JsonNode denied = broadcast(bob, alice.channel("modChannel"), kick);
        assertThat(denied.path("result").path("message").asText()).isEqualTo("Permission Denied.");
        assertThat(island.calls()).hasSize(2);
        // channels outside the conference module keep working as before (no channel filter)
        assertThat(bob.client
                        .call("verto.subscribe", channels("demo.channel"))
                        .path("result")
                        .path("subscribedChannels"))
                .hasSize(1);
        // a member who left has no grant any more
        bob.client.call("verto.bye", VertoTestClient.callParams(bob.callId, bob.sessid));
        Await.until("bob's call ended", () -> island.calls().size() == 1);
        assertThat(bob.client
                        .call("verto.subscribe", channels(bob.channel("chatChannel")))
                        .has("error"))
                .isTrue();
        // the moderator kicks: the member gets a bye
        ConferencePhone carol = join("1002@a.example", 1700, "3000");
        ObjectNode kickCarol = VertoTestClient.params()
                .put("application", "conf-control")
                .put("command", "kick")
                .put("id", carol.memberId());
        assertThat(broadcast(alice, alice.channel("modChannel"), kickCarol)
                        .path("result")
                        .has("code"))
                .isFalse();
        carol.client.awaitRequest("verto.bye", carol.callId);
    }

    @Test
    void aCallerOfAnotherDomainJoinsItsOwnRoomAndFullRoomsRefuseWithACounter() throws Exception {
        ConferencePhone a1 = join("1000@a.example", 450, "3000");
        join("1001@a.example", 1000, "3000");
        join("1002@a.example", 1700, "3000");
        ConferencePhone b1 = join("1000@b.example", 2500, "3000");
        assertThat(b1.channel("laChannel")).isEqualTo("conference-liveArray.3000-b.example@b.example");
        assertThat(b1.pvtData.path("laName").asText()).isEqualTo("3000-b.example");
        assertThat(b1.memberId()).isEqualTo(1);
        assertThat(a1.channel("laChannel")).isEqualTo("conference-liveArray.3000-a.example@a.example");
        assertThat(island.conferences().rooms()).isEqualTo(2);
        assertThat(island.conferences().members()).isEqualTo(4);

        ConferencePhone late = phone("1003@a.example", 3000);
        late.dial("3000");
        assertThat(late.client
                        .awaitRequest("verto.bye", late.callId)
                        .path("params")
                        .path("cause")
                        .asText())
                .isEqualTo("CALL_REJECTED");
        assertThat(island.conferences().refusedFull()).isEqualTo(1);
        assertThat(island.conferences().members()).isEqualTo(4);
        // a room with space, but the island's rooms hold their total already
        ConferencePhone other = phone("1000@c.example", 3000);
        other.dial("3001");
        assertThat(other.client
                        .awaitRequest("verto.bye", other.callId)
                        .path("params")
                        .path("cause")
                        .asText())
                .isEqualTo("CALL_REJECTED");
        assertThat(island.conferences().refusedFull()).isEqualTo(2);
        assertThat(island.conferences().rooms()).isEqualTo(2);

        // the other domain's member hears nothing of a.example's room
        Await.until("b.example's phone connected", Duration.ofSeconds(60), () -> b1.endpoint.isConnected());
        talk(List.of(a1));
        Await.until(
                "b.example's member receives its room's stream", Duration.ofSeconds(30), () -> b1.framesHeard() > 50);
        assertThat(b1.hears(450)).isLessThan(SILENT);
    }
}
