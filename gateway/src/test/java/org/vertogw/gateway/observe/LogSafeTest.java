package org.vertogw.gateway.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void lineBreaksAndControlsBecomeEscapesSoNoLineCanBeForged() {
        String forged = "1000@a.example\n2099-01-01T00:00:00.000+0000 [main] [ERROR] Forged\r\u0007\u202e\u2028x";
        String safe = LogSafe.text(forged);
        assertThat(safe).doesNotContain("\n", "\r", "\u0007", "\u202e", "\u2028");
        assertThat(safe).startsWith("1000@a.example\\n2099-01-01").contains("\\r\\u0007\\u202e\\u2028x");
        assertThat(LogSafe.text("plain")).isEqualTo("plain");
        assertThat(LogSafe.text("a\\nb")).isEqualTo("a\\\\nb");
        assertThat(LogSafe.text(null)).isEqualTo("null");
    }

    @Test
    void aLongValueIsCutAndSaysHowLongItWas() {
        String safe = LogSafe.text("x".repeat(900_000));
        assertThat(safe).hasSize(LogSafe.MAX + "...(900000 chars)".length()).endsWith("...(900000 chars)");
    }
}
