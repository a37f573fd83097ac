package org.vertogw.gateway.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;

/**
 * When a partition that failed over goes back to its home island, set per map in its {@code failback} member
 * (docs/configuration.md): {@code manual} (only an operator moves it), {@code when-idle} (the default: once the
 * island serving it holds no active call of the partition and home has been up for {@code homeUpForMs}) or
 * {@code immediate}.
 */
public record FailbackPolicy(Mode mode, Duration homeUpFor) {

    public enum Mode {
        MANUAL,
        WHEN_IDLE,
        IMMEDIATE;

        String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static final FailbackPolicy DEFAULT = new FailbackPolicy(Mode.WHEN_IDLE, Duration.ofSeconds(30));

    /**
     * Reads a map's {@code failback} member; absent means {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException naming the field, for a value that is not one of the above
     */
    public static FailbackPolicy of(JsonNode map) {
        JsonNode f = map == null ? null : map.get("failback");
        if (f == null || f.isNull()) {
            return DEFAULT;
        }
        if (!f.isObject()) {
            throw new IllegalArgumentException("failback: must be an object with \"policy\" and \"homeUpForMs\"");
        }
        Mode mode = DEFAULT.mode;
        JsonNode p = f.get("policy");
        if (p != null) {
            mode = null;
            for (Mode m : Mode.values()) {
                if (p.isTextual() && m.wire().equals(p.asText())) {
                    mode = m;
                }
            }
            if (mode == null) {
                throw new IllegalArgumentException(
                        "failback.policy: must be \"manual\", \"when-idle\" or \"immediate\", got " + p);
            }
        }
        Duration upFor = DEFAULT.homeUpFor;
        JsonNode u = f.get("homeUpForMs");
        if (u != null) {
            if (!u.isIntegralNumber() || u.asLong() < 0 || u.asLong() > 86_400_000L) {
                throw new IllegalArgumentException("failback.homeUpForMs: must be an integer 0..86400000, got " + u);
            }
            upFor = Duration.ofMillis(u.asLong());
        }
        return new FailbackPolicy(mode, upFor);
    }

    public String wire() {
        return mode.wire();
    }
}
