package org.vertogw.island;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vertogw.testing.VertoTestClient.callParams;
import static org.vertogw.testing.VertoTestClient.inviteParams;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vertogw.island.media.TerminatingMedia;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.rtp.RtpHeader;
import org.vertogw.partition.Island;
import org.vertogw.partition.IslandRole;
import org.vertogw.partition.IslandSelector;
import org.vertogw.partition.PartitionBy;
import org.vertogw.partition.PartitionMap;
import org.vertogw.testing.Await;
import org.vertogw.testing.VertoTestClient;

/**
 * Two islands partitioned by extension, with real sockets: a call to a user the other island serves is trunked there
 * (docs/operations.md, "Calls across islands"); its answer, media (DTLS-SRTP between WebRTC endpoints on both
 * sides), DTMF, hold and bye cross the trunk; a wrong secret or an unregistered callee end the call with a cause.
 */
class IslandTrunkTest {

    private static final String SECRET = "trunk-secret-0123456789";
    private final List<AutoCloseable> open = new ArrayList<>();
    private final AtomicReference<MapIslandRoutes> routes = new AtomicReference<>();
    private VertoIsland fs1;
    private VertoIsland fs2;
    private MediaEngine phones;

    private void start(String secret1, String secret2) throws Exception {
        fs1 = island("fs-01", secret1);
        fs2 = island("fs-02", secret2);
        routes.set(new MapIslandRoutes(new PartitionMap(
                1,
                PartitionBy.EXTENSION,
                List.of(
                        new Island("fs-01", 1, IslandRole.ACTIVE, fs1.uri().toString(), List.of()),
                        new Island("fs-02", 1, IslandRole.ACTIVE, fs2.uri().toString(), List.of())),
                null,
                null)));
        phones = MediaEngine.start(TerminatingMedia.config()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .build());
        open.add(phones);
    }

    private VertoIsland island(String id, String secret) throws Exception {
        VertoIsland i = VertoIsland.start(IslandConfig.builder(id)
                .ringTimeout(Duration.ofSeconds(30))
                .media(new TerminatingMedia(MediaEngine.start(TerminatingMedia.config()
                        .bindAddress("127.0.0.1")
                        .browserPort(0)
                        .islandPorts(0, 0)
                        .build())))
                .routes((u, d) -> routes.get().lookup(u, d))
                .trunkSecret(secret)
                .build());
        open.add(0, i);
        return i;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** A user of a.example whose island under the map is {@code island}. */
    private static String userOn(String island) throws Exception {
        PartitionMap m = new PartitionMap(
                1, PartitionBy.EXTENSION, List.of(Island.active("fs-01", 1), Island.active("fs-02", 1)), null, null);
        for (int n = 1000; n < 1020; n++) {
            if (IslandSelector.resolve(m, String.valueOf(n), "a.example", Set.of())
                    .serving()
                    .equals(island)) {
                return String.valueOf(n);
            }
        }
        throw new AssertionError("no demo user on " + island);
    }

    private VertoTestClient login(VertoIsland island, String user, String sessid) throws Exception {
        VertoTestClient c = VertoTestClient.connect(island.uri());
        open.add(0, c);
        assertThat(c.call("login", loginParams(user + "@a.example", "1234", sessid))
                        .path("result")
                        .path("message")
                        .asText())
                .isEqualTo("logged in");
        c.awaitRequest("verto.clientReady");
        return c;
    }

    private WebRtcEndpoint phone(String name) {
        WebRtcEndpoint e = WebRtcEndpoint.open(phones, name);
        open.add(0, e);
        return e;
    }

    private static byte[] rtp(int seq) {
        byte[] b = new byte[172];
        b[0] = (byte) 0x80;
        b[1] = 111;
        RtpHeader.setSequenceNumber(b, 0, seq);
        return b;
    }

    @Test
    void aCallToAUserOfTheOtherIslandIsTrunkedWithMediaDtmfAndByeBothWays() throws Exception {
        start(SECRET, SECRET);
        String alice = userOn("fs-01");
        String bob = userOn("fs-02");
        VertoTestClient a = login(fs1, alice, "sa");
        VertoTestClient b = login(fs2, bob, "sb");
        WebRtcEndpoint aPhone = phone("alice");
        WebRtcEndpoint bPhone = phone("bob");
        AtomicInteger heardByA = new AtomicInteger();
        AtomicInteger heardByB = new AtomicInteger();
        aPhone.onRtp((i, rtcp, buf, o, l) -> heardByA.incrementAndGet());
        bPhone.onRtp((i, rtcp, buf, o, l) -> heardByB.incrementAndGet());

        String callId = UUID.randomUUID().toString();
        JsonNode created = a.call("verto.invite", inviteParams(callId, bob, "sa", aPhone.offer()));
        assertThat(created.path("result").path("message").asText()).isEqualTo("CALL CREATED");
        JsonNode invite = b.awaitRequest("verto.invite");
        assertThat(invite.path("params").path("caller_id_number").asText()).isEqualTo(alice);
        b.reply(invite);
        String bobCall = invite.path("params").path("callID").asText();
        ObjectNode answer = callParams(bobCall, "sb");
        answer.put("sdp", bPhone.answer(invite.path("params").path("sdp").asText()));
        assertThat(b.call("verto.answer", answer).has("result")).isTrue();
        JsonNode answered = a.awaitRequest("verto.answer", callId);
        aPhone.applyAnswer(answered.path("params").path("sdp").asText());

        Await.until("both phones connected", () -> aPhone.isConnected() && bPhone.isConnected());
        // each phone numbers its own packets: a packet sent before every leg has its keys is lost, and one that
        // reused its sequence number would be dropped as an SRTP replay (RFC 3711 §3.3.2)
        AtomicInteger sentByA = new AtomicInteger();
        AtomicInteger sentByB = new AtomicInteger();
        Await.until("media both ways across the trunk", () -> {
            aPhone.sendRtp(rtp(sentByA.incrementAndGet()), 0, 172);
            bPhone.sendRtp(rtp(sentByB.incrementAndGet()), 0, 172);
            return heardByA.get() >= 10 && heardByB.get() >= 10;
        });

        ObjectNode dtmf = callParams(callId, "sa");
        dtmf.put("dtmf", "5");
        a.call("verto.info", dtmf);
        Await.until(
                "DTMF 5 on fs-02's trunk leg",
                () -> fs2.calls().stream()
                        .anyMatch(c -> c.dtmf().equals("5") && !c.login().startsWith(bob)));
        ObjectNode dtmfBack = callParams(bobCall, "sb");
        dtmfBack.put("dtmf", "#");
        b.call("verto.info", dtmfBack);
        Await.until(
                "DTMF # on fs-01's trunk leg",
                () -> fs1.calls().stream().anyMatch(c -> c.dtmf().equals("#")));

        ObjectNode hold = callParams(callId, "sa");
        hold.put("action", "hold");
        assertThat(a.call("verto.modify", hold).path("result").path("holdState").asText())
                .isEqualTo("held");
        Await.until(
                "fs-02's trunk leg held",
                () -> fs2.calls().stream().anyMatch(c -> c.held() && !c.login().startsWith(bob)));
        ObjectNode bobHold = callParams(bobCall, "sb");
        bobHold.put("action", "toggleHold");
        b.call("verto.modify", bobHold);
        Await.until(
                "fs-01's trunk leg held",
                () -> fs1.calls().stream().anyMatch(c -> c.held() && !c.login().startsWith(alice)));

        ObjectNode bye = callParams(bobCall, "sb");
        bye.put("cause", "NORMAL_CLEARING");
        b.call("verto.bye", bye);
        JsonNode aliceBye = a.awaitRequest("verto.bye", callId);
        assertThat(aliceBye.path("params").path("cause").asText()).isEqualTo("NORMAL_CLEARING");
        Await.until(
                "no call left on either island",
                () -> fs1.calls().isEmpty() && fs2.calls().isEmpty());
    }

    @Test
    void theCallerHangingUpWhileItRingsCancelsTheFarLeg() throws Exception {
        start(SECRET, SECRET);
        VertoTestClient a = login(fs1, userOn("fs-01"), "sa");
        VertoTestClient b = login(fs2, userOn("fs-02"), "sb");
        String callId = UUID.randomUUID().toString();
        a.call(
                "verto.invite",
                inviteParams(callId, userOn("fs-02"), "sa", phone("alice").offer()));
        JsonNode invite = b.awaitRequest("verto.invite");
        b.reply(invite);
        ObjectNode bye = callParams(callId, "sa");
        bye.put("cause", "NORMAL_CLEARING");
        a.call("verto.bye", bye);
        JsonNode bobBye =
                b.awaitRequest("verto.bye", invite.path("params").path("callID").asText());
        assertThat(bobBye.path("params").path("cause").asText()).isEqualTo("ORIGINATOR_CANCEL");
        Await.until(
                "no call left on either island",
                () -> fs1.calls().isEmpty() && fs2.calls().isEmpty());
    }

    @Test
    void anUnregisteredCalleeOnTheOtherIslandEndsTheCallWithItsCause() throws Exception {
        start(SECRET, SECRET);
        VertoTestClient a = login(fs1, userOn("fs-01"), "sa");
        String callId = UUID.randomUUID().toString();
        a.call(
                "verto.invite",
                inviteParams(callId, userOn("fs-02"), "sa", phone("alice").offer()));
        JsonNode bye = a.awaitRequest("verto.bye", callId);
        assertThat(bye.path("params").path("cause").asText()).isEqualTo("USER_NOT_REGISTERED");
    }

    @Test
    void islandsWithDifferentSecretsDoNotTrunk() throws Exception {
        start(SECRET, "another-secret-0123456789");
        VertoTestClient a = login(fs1, userOn("fs-01"), "sa");
        VertoTestClient b = login(fs2, userOn("fs-02"), "sb");
        String callId = UUID.randomUUID().toString();
        a.call(
                "verto.invite",
                inviteParams(callId, userOn("fs-02"), "sa", phone("alice").offer()));
        JsonNode bye = a.awaitRequest("verto.bye", callId);
        assertThat(bye.path("params").path("cause").asText()).isEqualTo("DESTINATION_OUT_OF_ORDER");
        assertThat(b.hasReceived(m -> "verto.invite".equals(m.path("method").asText())))
                .isFalse();
        try (VertoTestClient guess = VertoTestClient.connect(fs2.uri())) {
            JsonNode refused = guess.call("login", loginParams("trunk@fs-01", "1234", "sx"));
            assertThat(refused.path("error").path("message").asText()).isEqualTo("Authentication Failure");
        }
    }

    @Test
    void aFarIslandThatCannotBeReachedEndsTheCallAtOnce() throws Exception {
        start(SECRET, SECRET);
        VertoTestClient a = login(fs1, userOn("fs-01"), "sa");
        fs2.close();
        String callId = UUID.randomUUID().toString();
        a.call(
                "verto.invite",
                inviteParams(callId, userOn("fs-02"), "sa", phone("alice").offer()));
        JsonNode bye = a.awaitRequest("verto.bye", callId);
        assertThat(bye.path("params").path("cause").asText()).isEqualTo("DESTINATION_OUT_OF_ORDER");
        Await.until("no call left on fs-01", () -> fs1.calls().isEmpty());
    }

    @Test
    void theTrunkSecretNeverAppearsInTheConfigurationsText() {
        assertThat(IslandConfig.builder("fs-01").trunkSecret(SECRET).build().toString())
                .doesNotContain(SECRET)
                .contains("trunks on");
    }

    @Test
    void aShortTrunkSecretIsRefusedAtStart() {
        assertThatThrownBy(
                        () -> IslandConfig.builder("fs-01").trunkSecret("short").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16");
    }
}
