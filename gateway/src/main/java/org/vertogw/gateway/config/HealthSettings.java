package org.vertogw.gateway.config;

import java.time.Duration;

/**
 * Island health probing: every {@code interval} a credential-less {@code login} that must come back -32000 within
 * {@code timeout}; {@code downAfter} misses in a row mark an island down, {@code upAfter} successes mark it up.
 */
public record HealthSettings(Duration interval, Duration timeout, int downAfter, int upAfter) {

    public static HealthSettings defaults() {
        return new HealthSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 3, 2);
    }
}
