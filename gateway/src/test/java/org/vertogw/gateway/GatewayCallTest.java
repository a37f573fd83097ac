package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.OFFER;
import static org.vertogw.testing.VertoTestClient.callParams;
import static org.vertogw.testing.VertoTestClient.inviteParams;
import static org.vertogw.testing.VertoTestClient.loginParams;
import static org.vertogw.testing.VertoTestClient.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertogw.testing.VertoTestClient;

/** Calls relayed through a real gateway: every message, both directions, ids remapped and restored. */
class GatewayCallTest {

    static GatewayFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new GatewayFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static VertoTestClient login(String user, String sessid) throws Exception {
        VertoTestClient c = VertoTestClient.connect(fx.wss());
        assertThat(c.call("login", loginParams(user, "1234", sessid))
                        .path("result")
                        .path("message")
                        .asText())
                .isEqualTo("logged in");
        c.awaitRequest("verto.clientReady");
        return c;
    }

    @Test
    void aCallBetweenTwoUsersIsRelayedBothWaysThroughTheGateway() throws Exception {
        try (VertoTestClient alice = login("1010@c.example", "ca");
                VertoTestClient bob = login("1011@c.example", "cb")) {
            String callId = UUID.randomUUID().toString();
            JsonNode created = alice.call("verto.invite", inviteParams(callId, "1011", "ca", OFFER));
            assertThat(created.path("result").path("message").asText()).isEqualTo("CALL CREATED");

            JsonNode invite = bob.awaitRequest("verto.invite");
            String bobCall = invite.path("params").path("callID").asText();
            assertThat(invite.path("params").path("sdp").asText()).isEqualTo(OFFER);
            bob.reply(invite);

            ObjectNode answer = callParams(bobCall, "cb");
            answer.put("sdp", OFFER.replace("actpass", "active"));
            assertThat(bob.call("verto.answer", answer).has("result")).isTrue();
            JsonNode answered = alice.awaitRequest("verto.answer", callId);
            assertThat(answered.path("params").path("sdp").asText()).contains("a=setup:active");
            alice.reply(answered);

            ObjectNode dtmf = callParams(callId, "ca");
            dtmf.put("dtmf", "5");
            assertThat(alice.call("verto.info", dtmf)
                            .path("result")
                            .path("message")
                            .asText())
                    .isEqualTo("SENT");
            ObjectNode hold = callParams(bobCall, "cb");
            hold.put("action", "hold");
            assertThat(bob.call("verto.modify", hold)
                            .path("result")
                            .path("holdState")
                            .asText())
                    .isEqualTo("held");

            ObjectNode bye = callParams(callId, "ca");
            bye.put("cause", "NORMAL_CLEARING");
            assertThat(alice.call("verto.bye", bye)
                            .path("result")
                            .path("message")
                            .asText())
                    .isEqualTo("CALL ENDED");
            assertThat(bob.awaitRequest("verto.bye", bobCall)
                            .path("params")
                            .path("causeCode")
                            .asInt())
                    .isEqualTo(16);
        }
    }

    @Test
    void browserIdsOfAnyTypeComeBackAsTheyWereSentAndUnknownFieldsSurvive() throws Exception {
        try (VertoTestClient c = login("1012@c.example", "cc")) {
            c.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":\"abc\",\"params\":{\"sessid\":\"cc\","
                    + "\"dialogParams\":{\"videoParams\":{\"minWidth\":320},\"tag\":\"t\"},\"n\":[1,{\"x\":null}]}}");
            JsonNode r = c.await(
                    m -> "abc".equals(m.path("id").asText()) && m.path("id").isTextual(), "string id");
            assertThat(r.path("result")
                            .path("dialogParams")
                            .path("videoParams")
                            .path("minWidth")
                            .asInt())
                    .isEqualTo(320);
            assertThat(r.path("result").path("n").get(1).has("x")).isTrue();
            c.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":98765432109876,\"params\":{}}");
            assertThat(c.await(m -> m.path("id").asLong() == 98765432109876L, "large id")
                            .has("result"))
                    .isTrue();
        }
    }

    @Test
    void anEchoCallIsAnsweredAndItsMessagesAreRelayed() throws Exception {
        try (VertoTestClient c = login("1013@c.example", "cd")) {
            String callId = UUID.randomUUID().toString();
            assertThat(c.call("verto.invite", inviteParams(callId, "9196", "cd", OFFER))
                            .has("result"))
                    .isTrue();
            assertThat(c.awaitRequest("verto.answer", callId)
                            .path("params")
                            .path("sdp")
                            .asText())
                    .startsWith("v=0");
            assertThat(c.call("verto.bye", callParams(callId, "cd"))
                            .path("result")
                            .path("cause")
                            .asText())
                    .isEqualTo("NORMAL_CLEARING");
        }
    }

    @Test
    void anAnsweredCallSurvivesTheBrowserSocketAndIsReattachedThroughTheGateway() throws Exception {
        String callId = UUID.randomUUID().toString();
        VertoTestClient first = login("1014@c.example", "c-reattach");
        first.call("verto.invite", inviteParams(callId, "9196", "c-reattach", OFFER));
        first.awaitRequest("verto.answer", callId);
        first.disconnect();
        String island = fx.islandOf("c.example");
        GatewayFixture.await(() -> fx.islands.get(island).calls().stream().anyMatch(v -> v.detached()), "detached");
        try (VertoTestClient second = VertoTestClient.connect(fx.wss())) {
            second.call("login", loginParams("1014@c.example", "1234", "c-reattach"));
            JsonNode attach = second.awaitRequest("verto.attach", callId);
            second.reply(attach);
            assertThat(second.awaitRequest("verto.clientReady")
                            .path("params")
                            .path("reattached_sessions")
                            .get(0)
                            .asText())
                    .isEqualTo(callId);
            ObjectNode answer = callParams(callId, "c-reattach");
            answer.put("sdp", OFFER.replace("actpass", "active"));
            assertThat(second.call("verto.attach", answer).has("result")).isTrue();
            assertThat(second.call("verto.bye", callParams(callId, "c-reattach"))
                            .has("result"))
                    .isTrue();
        }
    }

    @Test
    void theSpeedTestChannelPassesThroughUntouched() throws Exception {
        try (VertoTestClient c = login("1015@c.example", "c-speed")) {
            c.sendRaw("#SPU 2048");
            c.sendRaw("#SPB " + ".".repeat(1000));
            c.sendRaw("#SPE");
            assertThat(c.awaitRaw("#SPU ")).matches("#SPU \\d+");
            assertThat(c.awaitRaw("#SPB")).hasSizeGreaterThan(1000);
            assertThat(c.awaitRaw("#SPD ")).matches("#SPD \\d+");
        }
    }

    @Test
    void eventsPublishedOnAChannelReachTheSubscribedBrowser() throws Exception {
        try (VertoTestClient c = login("1016@c.example", "c-unknown")) {
            assertThat(c.call("verto.subscribe", params().put("eventChannel", "demo.chan"))
                            .path("result")
                            .path("subscribedChannels")
                            .get(0)
                            .asText())
                    .isEqualTo("demo.chan");
            ObjectNode b = params().put("eventChannel", "demo.chan").put("localBroadcast", true);
            b.putObject("data").put("hello", "world");
            c.call("verto.broadcast", b);
            JsonNode event = c.awaitRequest("verto.event");
            assertThat(event.path("params").path("data").path("hello").asText()).isEqualTo("world");
            assertThat(event.path("params").path("eventSerno").asInt()).isZero();
        }
    }

    /**
     * docs/protocol.md §5.7: a conference's private pvtData event, the grants, a refusal without a code, the
     * unsequenced bootstrap answer, chat and moderator replies all pass each session's link unchanged but for ids.
     */
    @Test
    void conferenceEventsSubscriptionsAndBroadcastsAreRelayedPerSessionUnchanged() throws Exception {
        try (VertoTestClient mod = login("1017@c.example", "c-mod");
                VertoTestClient member = login("1018@c.example", "c-member")) {
            String modCall = UUID.randomUUID().toString();
            mod.call("verto.invite", inviteParams(modCall, "3100-moderator", "c-mod", OFFER));
            JsonNode modPvt = mod.await(
                            m -> m.path("params")
                                    .path("pvtData")
                                    .path("action")
                                    .asText()
                                    .equals("conference-liveArray-join"),
                            "moderator pvtData")
                    .path("params");
            assertThat(modPvt.path("eventChannel").asText()).isEqualTo("c-mod");
            assertThat(modPvt.has("eventSerno")).isFalse();
            JsonNode pvt = modPvt.path("pvtData");
            String la = pvt.path("laChannel").asText();
            String chat = pvt.path("chatChannel").asText();
            String modChannel = pvt.path("modChannel").asText();
            assertThat(la).isEqualTo("conference-liveArray.3100-c.example@c.example");
            String memberCall = UUID.randomUUID().toString();
            member.call("verto.invite", inviteParams(memberCall, "3100", "c-member", OFFER));
            JsonNode memberPvt = member.await(
                            m -> m.path("params")
                                    .path("pvtData")
                                    .path("action")
                                    .asText()
                                    .equals("conference-liveArray-join"),
                            "member pvtData")
                    .path("params")
                    .path("pvtData");
            assertThat(memberPvt.has("modChannel")).isFalse();

            ObjectNode subscribe = params();
            subscribe.putArray("eventChannel").add(la).add(chat).add(modChannel);
            assertThat(mod.call("verto.subscribe", subscribe).path("result").path("subscribedChannels"))
                    .hasSize(3);
            ObjectNode refused = params();
            refused.putArray("eventChannel").add(modChannel);
            JsonNode error = member.call("verto.subscribe", refused).path("error");
            assertThat(error.path("unauthorizedChannels").get(0).asText()).isEqualTo(modChannel);
            assertThat(error.has("code")).isFalse();

            ObjectNode boot = params().put("eventChannel", la);
            boot.putObject("data")
                    .putObject("liveArray")
                    .put("command", "bootstrap")
                    .put("context", la);
            mod.call("verto.broadcast", boot);
            JsonNode bootObj = mod.await(
                            m -> m.path("params")
                                    .path("data")
                                    .path("action")
                                    .asText()
                                    .equals("bootObj"),
                            "bootObj")
                    .path("params");
            assertThat(bootObj.path("data").path("wireSerno").asInt()).isEqualTo(-1);
            assertThat(bootObj.path("data").path("data")).hasSize(2);

            ObjectNode send = params().put("eventChannel", chat);
            send.putObject("data")
                    .put("action", "send")
                    .put("message", "through the gateway")
                    .put("type", "message");
            assertThat(member.call("verto.broadcast", send).path("result").has("code"))
                    .isFalse();
            JsonNode said = mod.await(
                            m -> m.path("params")
                                    .path("data")
                                    .path("message")
                                    .asText()
                                    .equals("through the gateway"),
                            "chat")
                    .path("params");
            assertThat(said.path("data").path("from").asText()).isEqualTo("1018@c.example");
            assertThat(said.path("subscribedChannel").asText()).isEqualTo(chat);

            ObjectNode deaf = params().put("eventChannel", modChannel);
            deaf.putObject("data")
                    .put("application", "conf-control")
                    .put("command", "deaf")
                    .put("id", memberPvt.path("conferenceMemberID").asText());
            mod.call("verto.broadcast", deaf);
            assertThat(mod.await(
                                    m -> m.path("params")
                                            .path("data")
                                            .path("conf-command")
                                            .asText()
                                            .equals("deaf"),
                                    "moderator reply")
                            .path("params")
                            .path("data")
                            .path("response")
                            .asText())
                    .startsWith("OK deaf");
            JsonNode denied = member.call("verto.broadcast", deaf.put("eventChannel", modChannel));
            assertThat(denied.path("result").path("message").asText()).isEqualTo("Permission Denied.");
        }
    }
}
