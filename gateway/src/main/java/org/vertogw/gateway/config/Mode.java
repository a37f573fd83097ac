package org.vertogw.gateway.config;

import java.util.Locale;

/**
 * {@code PRODUCTION} (the default): PEM certificates required, an origin allow-list, the admin API and
 * {@code /metrics} behind the admin token for every client. {@code DEMO}: a self-signed certificate, any origin,
 * the demo page, and loopback clients admitted to the admin API without a token.
 */
public enum Mode {
    DEMO,
    PRODUCTION;

    /** The file's spelling ({@code production} or {@code demo}); null means production. */
    public static Mode parse(String value) {
        if (value == null) {
            return PRODUCTION;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "production" -> PRODUCTION;
            case "demo" -> DEMO;
            default -> throw new IllegalArgumentException("mode: must be production or demo, got \"" + value + "\"");
        };
    }
}
