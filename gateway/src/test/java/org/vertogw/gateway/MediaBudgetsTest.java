package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.OFFER;
import static org.vertogw.testing.VertoTestClient.inviteParams;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.config.Limits;
import org.vertogw.gateway.config.MediaSettings;
import org.vertogw.gateway.edge.Refusal;
import org.vertogw.testing.VertoTestClient;

/**
 * What one session's calls may take of the media plane: m-lines per SDP, calls at once, new calls per second,
 * and the island ports the gateway has. Each refusal answers the invite, and none costs another user a call.
 */
class MediaBudgetsTest {

    static GatewayFixture fx;
    static int base;

    @BeforeAll
    static void start() throws Exception {
        // four island-leg ports, below Linux's ephemeral range so that nothing else takes them
        Random random = new Random();
        do {
            base = 24000 + random.nextInt(2000) * 4;
        } while (!canBind(base) || !canBind(base + 1) || !canBind(base + 2) || !canBind(base + 3));
        fx = GatewayFixture.withMedia(b -> b.media(new MediaSettings("127.0.0.1", "127.0.0.1", 0, base, base + 3))
                .limits(Limits.builder()
                        .with(l -> {
                            l.callsPerSession = 2;
                            l.callBurst = 3;
                            l.callsPerSecond = 0.01;
                            l.maxMediaSections = 2;
                        })
                        .build()));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static boolean canBind(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code n} copies of the offer's audio section, each its own m-line. */
    private static String sections(int n) {
        int m = OFFER.indexOf("m=");
        String head = OFFER.substring(0, m);
        String section = OFFER.substring(m);
        StringBuilder out = new StringBuilder(head);
        for (int i = 0; i < n; i++) {
            out.append(section.replace("a=mid:0", "a=mid:" + i));
        }
        return out.toString();
    }

    private static JsonNode invite(VertoTestClient c, String sessid, String sdp) throws Exception {
        return c.call("verto.invite", inviteParams(UUID.randomUUID().toString(), "9196", sessid, sdp));
    }

    @Test
    void budgetsAnswerTheInviteAndLeaveTheNextUsersCallItsPorts() throws Exception {
        String a = "mb-a-" + UUID.randomUUID();
        String b = "mb-b-" + UUID.randomUUID();
        try (VertoTestClient alice = VertoTestClient.connect(fx.wss());
                VertoTestClient bob = VertoTestClient.connect(fx.wss())) {
            alice.call("login", loginParams("1000@a.example", "1234", a));
            bob.call("login", loginParams("1001@a.example", "1234", b));

            JsonNode tooMany = invite(alice, a, sections(3));
            assertThat(tooMany.path("error").path("code").asInt()).isEqualTo(-32002);
            assertThat(tooMany.path("error").path("data").asText()).contains("3 media sections; at most 2");
            assertThat(fx.gateway.media().stats().openRelays()).isZero();

            // two calls of two m-lines take all four ports; the next user's call is answered, not left silent
            String call1 = UUID.randomUUID().toString();
            assertThat(alice.call("verto.invite", inviteParams(call1, "9196", a, sections(2)))
                            .path("result")
                            .path("message")
                            .asText())
                    .isEqualTo("CALL CREATED");
            assertThat(invite(alice, a, sections(2))
                            .path("result")
                            .path("message")
                            .asText())
                    .isEqualTo("CALL CREATED");
            JsonNode noPort = invite(bob, b, OFFER);
            assertThat(noPort.path("error").path("code").asInt()).isEqualTo(-32002);
            assertThat(noPort.path("error").path("cause").asText()).isEqualTo("SWITCH_CONGESTION");
            assertThat(noPort.path("error").path("data").asText()).contains("no island-leg UDP port free");
            assertThat(fx.gateway.metrics().count(Refusal.MEDIA_CAPACITY)).isEqualTo(1);
            assertThat(fx.gateway.media().stats().openRelays()).isEqualTo(2);

            // a third call at once is over the session's call budget
            JsonNode third = invite(alice, a, OFFER);
            assertThat(third.path("error").path("code").asInt()).isEqualTo(-32002);
            assertThat(third.path("error").path("data").asText()).contains("at most 2 calls at once");

            // one call ends: the next fits the budget and the ports, and the one after is over the call rate
            alice.call("verto.bye", VertoTestClient.callParams(call1, a));
            String call4 = UUID.randomUUID().toString();
            assertThat(alice.call("verto.invite", inviteParams(call4, "9196", a, OFFER))
                            .path("result")
                            .path("message")
                            .asText())
                    .isEqualTo("CALL CREATED");
            alice.call("verto.bye", VertoTestClient.callParams(call4, a));
            JsonNode tooFast = invite(alice, a, OFFER);
            assertThat(tooFast.path("error").path("code").asInt())
                    .as(tooFast.toString())
                    .isEqualTo(-32013);
            assertThat(tooFast.path("error").path("data").path("retryAfterMs").asLong())
                    .isPositive();
        }
    }
}
