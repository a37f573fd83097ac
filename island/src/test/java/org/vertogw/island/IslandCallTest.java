package org.vertogw.island;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.OFFER;
import static org.vertogw.testing.VertoTestClient.callParams;
import static org.vertogw.testing.VertoTestClient.inviteParams;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertogw.testing.Await;
import org.vertogw.testing.VertoTestClient;

/** Calls on the island as mod_verto makes them (docs/protocol.md §2.3, §2.4, §4). */
class IslandCallTest {

    private VertoIsland island;

    @BeforeEach
    void start() throws Exception {
        island = VertoIsland.start(IslandConfig.builder("fs-test")
                .detachTimeout(Duration.ofMillis(1500))
                .ringTimeout(Duration.ofSeconds(30))
                .build());
    }

    @AfterEach
    void stop() {
        island.close();
    }

    private VertoTestClient login(String user, String sessid) throws Exception {
        VertoTestClient c = VertoTestClient.connect(island.uri());
        assertThat(c.call("login", loginParams(user, "1234", sessid))
                        .path("result")
                        .path("message")
                        .asText())
                .isEqualTo("logged in");
        c.awaitRequest("verto.clientReady");
        return c;
    }

    @Test
    void aCallBetweenTwoUsersRingsAnswersAndEndsWithCausesBothWays() throws Exception {
        try (VertoTestClient alice = login("1000@a.example", "sa");
                VertoTestClient bob = login("1001@a.example", "sb")) {
            String callId = UUID.randomUUID().toString();
            JsonNode created = alice.call("verto.invite", inviteParams(callId, "1001", "sa", OFFER));
            assertThat(created.path("result").path("message").asText()).isEqualTo("CALL CREATED");
            assertThat(created.path("result").path("callID").asText()).isEqualTo(callId);

            JsonNode invite = bob.awaitRequest("verto.invite");
            String bobCall = invite.path("params").path("callID").asText();
            assertThat(invite.path("params").path("sdp").asText()).contains("m=audio");
            assertThat(invite.path("params").path("caller_id_name").asText()).isEqualTo("Tester");
            assertThat(invite.path("params").path("display_direction").asText()).isEqualTo("outbound");
            bob.reply(invite);

            ObjectNode answer = callParams(bobCall, "sb");
            answer.put("sdp", OFFER.replace("actpass", "active"));
            assertThat(bob.call("verto.answer", answer)
                            .path("result")
                            .path("sessid")
                            .asText())
                    .isEqualTo("sb");
            JsonNode answered = alice.awaitRequest("verto.answer", callId);
            assertThat(answered.path("params").path("sdp").asText()).contains("a=setup:active");

            ObjectNode bye = callParams(bobCall, "sb");
            bye.put("cause", "NORMAL_CLEARING");
            JsonNode ended = bob.call("verto.bye", bye);
            assertThat(ended.path("result").path("message").asText()).isEqualTo("CALL ENDED");
            assertThat(ended.path("result").path("causeCode").asInt()).isEqualTo(16);
            JsonNode aliceBye = alice.awaitRequest("verto.bye", callId);
            assertThat(aliceBye.path("params").path("cause").asText()).isEqualTo("NORMAL_CLEARING");
            await(() -> island.calls().isEmpty(), "no calls left");

            // A redundant bye for a call already ended, as verto.js sends it, is harmless (docs/protocol.md §4.5).
            JsonNode again = alice.call("verto.bye", callParams(callId, "sa"));
            assertThat(again.path("error").path("message").asText()).isEqualTo("CALL DOES NOT EXIST");
        }
    }

    @Test
    void theCalleeRejectingGivesTheCallerItsCause() throws Exception {
        try (VertoTestClient alice = login("1000@a.example", "sa");
                VertoTestClient bob = login("1001@a.example", "sb")) {
            String callId = UUID.randomUUID().toString();
            alice.call("verto.invite", inviteParams(callId, "1001", "sa", OFFER));
            String bobCall = bob.awaitRequest("verto.invite")
                    .path("params")
                    .path("callID")
                    .asText();
            ObjectNode reject = callParams(bobCall, "sb");
            reject.put("cause", "USER_BUSY");
            bob.call("verto.bye", reject);
            assertThat(alice.awaitRequest("verto.bye", callId)
                            .path("params")
                            .path("causeCode")
                            .asInt())
                    .isEqualTo(17);
        }
    }

    @Test
    void theCallerCancellingStopsTheRinging() throws Exception {
        try (VertoTestClient alice = login("1000@a.example", "sa");
                VertoTestClient bob = login("1001@a.example", "sb")) {
            String callId = UUID.randomUUID().toString();
            alice.call("verto.invite", inviteParams(callId, "1001", "sa", OFFER));
            String bobCall = bob.awaitRequest("verto.invite")
                    .path("params")
                    .path("callID")
                    .asText();
            alice.call("verto.bye", callParams(callId, "sa"));
            assertThat(bob.awaitRequest("verto.bye", bobCall)
                            .path("params")
                            .path("cause")
                            .asText())
                    .isEqualTo("ORIGINATOR_CANCEL");
        }
    }

    @Test
    void callingAnUnregisteredOrUnknownNumberEndsWithTheRightCause() throws Exception {
        try (VertoTestClient alice = login("1000@a.example", "sa")) {
            String toOffline = UUID.randomUUID().toString();
            alice.call("verto.invite", inviteParams(toOffline, "1005", "sa", OFFER));
            assertThat(alice.awaitRequest("verto.bye", toOffline)
                            .path("params")
                            .path("cause")
                            .asText())
                    .isEqualTo("USER_NOT_REGISTERED");
            String toNowhere = UUID.randomUUID().toString();
            alice.call("verto.invite", inviteParams(toNowhere, "555", "sa", OFFER));
            assertThat(alice.awaitRequest("verto.bye", toNowhere)
                            .path("params")
                            .path("cause")
                            .asText())
                    .isEqualTo("NO_ROUTE_DESTINATION");
            JsonNode noSdp =
                    alice.call("verto.invite", inviteParams(UUID.randomUUID().toString(), "9196", "sa", ""));
            assertThat(noSdp.path("error").path("message").asText()).isEqualTo("SDP missing");
        }
    }

    @Test
    void echoAnswersAtOnceHoldsAndTakesDtmf() throws Exception {
        try (VertoTestClient alice = login("1000@a.example", "sa")) {
            String callId = UUID.randomUUID().toString();
            alice.call("verto.invite", inviteParams(callId, "9196", "sa", OFFER));
            assertThat(alice.awaitRequest("verto.answer", callId)
                            .path("params")
                            .path("sdp")
                            .asText())
                    .startsWith("v=0");

            ObjectNode hold = callParams(callId, "sa");
            hold.put("action", "toggleHold");
            assertThat(alice.call("verto.modify", hold)
                            .path("result")
                            .path("holdState")
                            .asText())
                    .isEqualTo("held");
            assertThat(alice.call("verto.modify", hold)
                            .path("result")
                            .path("holdState")
                            .asText())
                    .isEqualTo("active");

            ObjectNode dtmf = callParams(callId, "sa");
            dtmf.put("dtmf", "12#@200");
            assertThat(alice.call("verto.info", dtmf)
                            .path("result")
                            .path("message")
                            .asText())
                    .isEqualTo("SENT");
            assertThat(island.calls()).singleElement().satisfies(v -> {
                assertThat(v.echo()).isTrue();
                assertThat(v.dtmf()).isEqualTo("12#");
            });
        }
    }

    @Test
    void anAnsweredCallSurvivesTheSocketAndIsReattachedOnReLogin() throws Exception {
        String callId = UUID.randomUUID().toString();
        VertoTestClient first = login("1000@a.example", "s-re");
        first.call("verto.invite", inviteParams(callId, "9196", "s-re", OFFER));
        first.awaitRequest("verto.answer", callId);
        first.disconnect();
        await(() -> island.calls().stream().anyMatch(CallView::detached), "call detached");

        try (VertoTestClient second = VertoTestClient.connect(island.uri())) {
            second.call("login", loginParams("1000@a.example", "1234", "s-re"));
            JsonNode attach = second.awaitRequest("verto.attach", callId);
            assertThat(attach.path("params").path("sdp").asText()).contains("a=setup:actpass");
            JsonNode ready = second.awaitRequest("verto.clientReady");
            assertThat(ready.path("params").path("reattached_sessions").get(0).asText())
                    .isEqualTo(callId);
            second.reply(attach);
            ObjectNode answer = callParams(callId, "s-re");
            answer.put("sdp", OFFER.replace("actpass", "active"));
            assertThat(second.call("verto.attach", answer).has("result")).isTrue();
            assertThat(island.calls())
                    .singleElement()
                    .satisfies(v -> assertThat(v.detached()).isFalse());
        }
    }

    @Test
    void aDetachedCallEndsAfterTheDetachTimeoutAndItsPartnerHearsWhy() throws Exception {
        try (VertoTestClient bob = login("1001@a.example", "sb")) {
            VertoTestClient alice = login("1000@a.example", "sa");
            String callId = UUID.randomUUID().toString();
            alice.call("verto.invite", inviteParams(callId, "1001", "sa", OFFER));
            String bobCall = bob.awaitRequest("verto.invite")
                    .path("params")
                    .path("callID")
                    .asText();
            ObjectNode answer = callParams(bobCall, "sb");
            answer.put("sdp", OFFER);
            bob.call("verto.answer", answer);
            alice.awaitRequest("verto.answer", callId);
            alice.disconnect();
            assertThat(bob.awaitRequest("verto.bye", bobCall)
                            .path("params")
                            .path("cause")
                            .asText())
                    .isEqualTo("RECOVERY_ON_TIMER_EXPIRE");
        }
    }

    @Test
    void anUnansweredCallEndsWhenTheCallerSocketGoes() throws Exception {
        try (VertoTestClient bob = login("1001@a.example", "sb")) {
            VertoTestClient alice = login("1000@a.example", "sa");
            alice.call("verto.invite", inviteParams(UUID.randomUUID().toString(), "1001", "sa", OFFER));
            String bobCall = bob.awaitRequest("verto.invite")
                    .path("params")
                    .path("callID")
                    .asText();
            alice.disconnect();
            assertThat(bob.awaitRequest("verto.bye", bobCall)
                            .path("params")
                            .path("cause")
                            .asText())
                    .isEqualTo("DESTINATION_OUT_OF_ORDER");
        }
    }

    @Test
    void anotherSessionCannotHangUpMyCall() throws Exception {
        try (VertoTestClient alice = login("1000@a.example", "sa");
                VertoTestClient eve = login("1002@a.example", "se")) {
            String callId = UUID.randomUUID().toString();
            alice.call("verto.invite", inviteParams(callId, "9196", "sa", OFFER));
            alice.awaitRequest("verto.answer", callId);
            assertThat(eve.call("verto.bye", callParams(callId, "se"))
                            .path("error")
                            .path("message")
                            .asText())
                    .isEqualTo("CALL DOES NOT EXIST");
            assertThat(island.calls()).hasSize(1);
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(what, VertoTestClient.WAIT, condition);
    }
}
