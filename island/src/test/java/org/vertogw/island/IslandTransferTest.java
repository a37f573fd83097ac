package org.vertogw.island;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.OFFER;
import static org.vertogw.testing.VertoTestClient.callParams;
import static org.vertogw.testing.VertoTestClient.inviteParams;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertogw.testing.Await;
import org.vertogw.testing.VertoTestClient;

/** Blind and attended transfer on the island, as mod_verto does them (docs/protocol.md §4.6, §4.8). */
class IslandTransferTest {

    private VertoIsland island;

    @BeforeEach
    void start() throws Exception {
        island = VertoIsland.start(IslandConfig.builder("fs-test").build());
    }

    @AfterEach
    void stop() {
        island.close();
    }

    @Test
    void aBlindTransferRingsTheDestinationForThePartnerAndEndsTheTransferringLeg() throws Exception {
        try (VertoTestClient alice = login("1000", "sa");
                VertoTestClient bob = login("1001", "sb");
                VertoTestClient carol = login("1002", "sc")) {
            String aliceCall = UUID.randomUUID().toString();
            String bobCall = connect(alice, aliceCall, bob, "sb");

            JsonNode transferred = bob.call("verto.modify", transfer(bobCall, "sb", "1002"));
            assertThat(transferred.path("result").path("message").asText()).isEqualTo("CALL TRANSFERRED");
            assertThat(transferred.path("result").path("action").asText()).isEqualTo("transfer");
            assertThat(bob.awaitRequest("verto.bye", bobCall)
                            .path("params")
                            .path("cause")
                            .asText())
                    .isEqualTo("NORMAL_CLEARING");

            JsonNode ringing = carol.awaitRequest("verto.invite");
            assertThat(ringing.path("params").path("caller_id_number").asText()).isEqualTo("1000");
            String carolCall = answer(carol, ringing, "sc");
            JsonNode display = alice.awaitRequest("verto.display", aliceCall);
            assertThat(display.path("params").path("display_number").asText()).isEqualTo("1002");
            Await.until(
                    "alice bridged to carol",
                    VertoTestClient.WAIT,
                    () -> island.calls().stream()
                            .anyMatch(c -> c.callId().equals(aliceCall) && carolCall.equals(c.partnerCallId())));
            assertThat(island.calls()).extracting(CallView::callId).containsExactlyInAnyOrder(aliceCall, carolCall);

            alice.call("verto.bye", callParams(aliceCall, "sa"));
            assertThat(carol.awaitRequest("verto.bye", carolCall)
                            .path("params")
                            .path("cause")
                            .asText())
                    .isEqualTo("NORMAL_CLEARING");
        }
    }

    @Test
    void aPartnerTransferredToTheEchoExtensionHearsItselfAndIsToldWhoItTalksTo() throws Exception {
        try (VertoTestClient alice = login("1000", "sa");
                VertoTestClient bob = login("1001", "sb")) {
            String aliceCall = UUID.randomUUID().toString();
            String bobCall = connect(alice, aliceCall, bob, "sb");
            alice.call("verto.modify", transfer(aliceCall, "sa", "9196@a.example"));
            alice.awaitRequest("verto.bye", aliceCall);
            assertThat(bob.awaitRequest("verto.display", bobCall)
                            .path("params")
                            .path("display_name")
                            .asText())
                    .isEqualTo("9196");
            assertThat(island.calls()).singleElement().satisfies(c -> {
                assertThat(c.callId()).isEqualTo(bobCall);
                assertThat(c.echo()).isTrue();
            });
        }
    }

    @Test
    void whenTheDestinationRefusesThePartnerEndsWithItsCause() throws Exception {
        try (VertoTestClient alice = login("1000", "sa");
                VertoTestClient bob = login("1001", "sb");
                VertoTestClient carol = login("1002", "sc")) {
            String aliceCall = UUID.randomUUID().toString();
            String bobCall = connect(alice, aliceCall, bob, "sb");
            alice.call("verto.modify", transfer(aliceCall, "sa", "1002"));
            JsonNode ringing = carol.awaitRequest("verto.invite");
            assertThat(ringing.path("params").path("caller_id_number").asText()).isEqualTo("1001");
            carol.reply(ringing);
            ObjectNode busy = callParams(ringing.path("params").path("callID").asText(), "sc");
            busy.put("cause", "USER_BUSY");
            carol.call("verto.bye", busy);
            assertThat(bob.awaitRequest("verto.bye", bobCall)
                            .path("params")
                            .path("cause")
                            .asText())
                    .isEqualTo("USER_BUSY");
            Await.until(
                    "no calls left", VertoTestClient.WAIT, () -> island.calls().isEmpty());
        }
    }

    @Test
    void aTransferIsRefusedWithTheReasonAndTheCallGoesOn() throws Exception {
        try (VertoTestClient alice = login("1000", "sa");
                VertoTestClient bob = login("1001", "sb")) {
            String echoCall = UUID.randomUUID().toString();
            alice.call("verto.invite", inviteParams(echoCall, "9196", "sa", OFFER));
            alice.awaitRequest("verto.answer", echoCall);
            JsonNode notBridged = alice.call("verto.modify", transfer(echoCall, "sa", "1001"));
            assertThat(notBridged.path("error").path("message").asText()).isEqualTo("call is not bridged");
            assertThat(notBridged.path("error").path("code").asInt()).isEqualTo(-32002);
            assertThat(notBridged.path("error").path("action").asText()).isEqualTo("transfer");

            String aliceCall = UUID.randomUUID().toString();
            connect(alice, aliceCall, bob, "sb");
            JsonNode noDestination = alice.call("verto.modify", transfer(aliceCall, "sa", " "));
            assertThat(noDestination.path("error").path("message").asText()).isEqualTo("destination missing");
            ObjectNode replace = callParams(aliceCall, "sa");
            replace.put("action", "replace");
            assertThat(alice.call("verto.modify", replace)
                            .path("error")
                            .path("message")
                            .asText())
                    .isEqualTo("replaceCallID missing");
            replace.put("replaceCallID", UUID.randomUUID().toString());
            assertThat(alice.call("verto.modify", replace)
                            .path("error")
                            .path("message")
                            .asText())
                    .isEqualTo("invalid transfer leg");
            replace.put("replaceCallID", echoCall);
            assertThat(alice.call("verto.modify", replace)
                            .path("error")
                            .path("message")
                            .asText())
                    .isEqualTo("transfer failed");
            assertThat(island.calls()).hasSize(3);
        }
    }

    @Test
    void anAttendedTransferJoinsThePartnersOfTwoCallsAndEndsBoth() throws Exception {
        try (VertoTestClient alice = login("1000", "sa");
                VertoTestClient bob = login("1001", "sb");
                VertoTestClient carol = login("1002", "sc")) {
            String toBob = UUID.randomUUID().toString();
            String bobCall = connect(alice, toBob, bob, "sb");
            String toCarol = UUID.randomUUID().toString();
            String carolCall = connect(alice, toCarol, carol, "sc");

            ObjectNode replace = callParams(toBob, "sa");
            replace.put("action", "replace");
            replace.put("replaceCallID", toCarol);
            assertThat(alice.call("verto.modify", replace)
                            .path("result")
                            .path("message")
                            .asText())
                    .isEqualTo("CALL TRANSFERRED");
            alice.awaitRequest("verto.bye", toBob);
            alice.awaitRequest("verto.bye", toCarol);
            assertThat(bob.awaitRequest("verto.display", bobCall)
                            .path("params")
                            .path("display_number")
                            .asText())
                    .isEqualTo("1002");
            assertThat(carol.awaitRequest("verto.display", carolCall)
                            .path("params")
                            .path("display_number")
                            .asText())
                    .isEqualTo("1001");
            Await.until(
                    "bob bridged to carol",
                    VertoTestClient.WAIT,
                    () -> island.calls().stream()
                            .anyMatch(c -> c.callId().equals(bobCall) && carolCall.equals(c.partnerCallId())));
            assertThat(island.calls()).hasSize(2);
        }
    }

    private VertoTestClient login(String user, String sessid) throws Exception {
        VertoTestClient c = VertoTestClient.connect(island.uri());
        c.call("login", loginParams(user + "@a.example", "1234", sessid));
        c.awaitRequest("verto.clientReady");
        return c;
    }

    /** Caller calls callee, callee answers; returns the callee's callID. */
    private static String connect(VertoTestClient caller, String callId, VertoTestClient callee, String calleeSessid)
            throws Exception {
        String destination = calleeSessid.equals("sb") ? "1001" : "1002";
        caller.call("verto.invite", inviteParams(callId, destination, "sa", OFFER));
        String calleeCall = answer(callee, callee.awaitRequest("verto.invite"), calleeSessid);
        caller.awaitRequest("verto.answer", callId);
        return calleeCall;
    }

    private static String answer(VertoTestClient callee, JsonNode invite, String sessid) throws Exception {
        callee.reply(invite);
        String callId = invite.path("params").path("callID").asText();
        ObjectNode answer = callParams(callId, sessid);
        answer.put("sdp", OFFER.replace("actpass", "active"));
        assertThat(callee.call("verto.answer", answer).has("result")).isTrue();
        return callId;
    }

    private static ObjectNode transfer(String callId, String sessid, String destination) {
        ObjectNode p = callParams(callId, sessid);
        p.put("action", "transfer");
        p.put("destination", destination);
        return p;
    }
}
