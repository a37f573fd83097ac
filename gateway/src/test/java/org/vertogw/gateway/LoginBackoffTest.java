package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.config.Limits;
import org.vertogw.gateway.edge.LoginOutcome;
import org.vertogw.testing.Await;
import org.vertogw.testing.VertoTestClient;

/** Failed logins back off per user and per address, and the refusal says how long to wait. */
class LoginBackoffTest {

    /** Each test has its gateway: the failures of one address must not leak into another test. */
    private GatewayFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new GatewayFixture(b -> b.limits(Limits.builder()
                .with(l -> {
                    l.loginFailuresPerUser = 2;
                    l.loginFailuresPerAddress = 6;
                    l.loginBackoff = Duration.ofMillis(400);
                    l.loginBackoffMax = Duration.ofSeconds(2);
                })
                .build()));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private static JsonNode login(VertoTestClient c, String user, String password) throws Exception {
        return c.call("login", loginParams(user, password, "bo-" + UUID.randomUUID()));
    }

    @Test
    void aUserWhoFailsTooOftenWaitsAndIsToldHowLongWithoutTheIslandBeingAsked() throws Exception {
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            for (int i = 0; i < 3; i++) {
                assertThat(login(c, "1000@b.example", "wrong")
                                .path("error")
                                .path("code")
                                .asInt())
                        .isEqualTo(-32001);
            }
            long asked = fx.gateway.metrics().count(LoginOutcome.REFUSED);
            JsonNode held = login(c, "1000@b.example", "1234");
            assertThat(held.path("error").path("code").asInt()).isEqualTo(-32013);
            long wait = held.path("error").path("data").path("retryAfterMs").asLong();
            assertThat(wait).isBetween(1L, 2000L);
            assertThat(fx.gateway.metrics().count(LoginOutcome.REFUSED)).isEqualTo(asked);
            assertThat(fx.gateway.metrics().count(LoginOutcome.BACKED_OFF)).isPositive();
            // another user from the same address is not held by this one's failures
            assertThat(login(c, "1001@b.example", "1234").has("result")).isTrue();
        }
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            Await.until("the back-off to pass", Duration.ofSeconds(10), () -> {
                try {
                    return login(c, "1000@b.example", "1234").has("result");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void anAddressThatFailsAcrossManyUsersBacksOffForEveryUser() throws Exception {
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            int failures = 0;
            JsonNode r = null;
            for (int u = 0; u < 12; u++) {
                r = login(c, (1005 + u) + "@c.example", "wrong");
                if (r.path("error").path("code").asInt() == -32013) {
                    break;
                }
                failures++;
            }
            assertThat(failures).isBetween(6, 7);
            assertThat(r.path("error").path("code").asInt()).isEqualTo(-32013);
            assertThat(login(c, "1019@c.example", "1234")
                            .path("error")
                            .path("code")
                            .asInt())
                    .isEqualTo(-32013);
        }
    }
}
