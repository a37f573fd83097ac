package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.MediaConfig;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.dtls.DtlsCertificate;
import org.vertogw.testing.VertoTestClient;

/**
 * A call whose browser leg fails DTLS ends on both sides with the cause FreeSWITCH would give and a reason that
 * says why: the alert, the peer's certificate and the suite.
 */
class GatewayMediaFailureTest {

    static GatewayFixture demo;
    static MediaEngine browsers;

    @BeforeAll
    static void start() throws Exception {
        demo = GatewayFixture.withMedia();
        browsers = MediaEngine.start(MediaConfig.builder()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .build());
    }

    @AfterAll
    static void stop() {
        demo.close();
        browsers.close();
    }

    @Test
    void aBrowserWhoseCertificateDoesNotMatchItsFingerprintGetsAByeSayingSo() throws Exception {
        String sessid = UUID.randomUUID().toString();
        WebRtcEndpoint browser = WebRtcEndpoint.open(browsers, "browser");
        String offer = browser.offer();
        String forged = offer.replaceAll(
                "a=fingerprint:sha-256 \\S+",
                "a=" + DtlsCertificate.generate().fingerprint().toSdp().replace("sha-256 ", "fingerprint:sha-256 "));
        assertThat(forged).isNotEqualTo(offer);
        try (VertoTestClient c = VertoTestClient.connect(demo.gateway.wssUri())) {
            c.call("login", VertoTestClient.loginParams("1000@a.example", "1234", sessid));
            String callId = UUID.randomUUID().toString();
            c.call("verto.invite", VertoTestClient.inviteParams(callId, "9196", sessid, forged));
            JsonNode answer = c.await(
                    m -> m.path("method").asText().matches("verto\\.(answer|media)")
                            && m.path("params").has("sdp"),
                    "the island's answer");
            browser.applyAnswer(answer.path("params").path("sdp").asText());
            JsonNode bye = c.awaitRequest("verto.bye", callId);
            assertThat(bye.path("params").path("cause").asText()).isEqualTo("INCOMPATIBLE_DESTINATION");
            assertThat(bye.path("params").path("reason").asText())
                    .contains("DTLS fingerprint mismatch on browser leg 0")
                    .contains("sent alert bad_certificate(42)")
                    .contains("peer certificate ECDSA P-256")
                    .contains("suite ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        } finally {
            browser.close();
        }
    }
}
