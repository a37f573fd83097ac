package org.vertogw.gateway.edge;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may open a Verto WebSocket. Browsers always send {@code Origin}; a request without one is
 * not from a browser page and is not subject to the cross-site rules, so it is let through.
 */
public final class OriginPolicy {

    private final boolean any;
    private final Set<String> allowed;

    private OriginPolicy(boolean any, Set<String> allowed) {
        this.any = any;
        this.allowed = allowed;
    }

    public static OriginPolicy anyOrigin() {
        return new OriginPolicy(true, Set.of());
    }

    /** Exact origins ({@code scheme://host[:port]}), compared case-insensitively; {@code *} allows any. */
    public static OriginPolicy allowList(List<String> origins) {
        if (origins.contains("*")) {
            return anyOrigin();
        }
        return new OriginPolicy(
                false, origins.stream().map(OriginPolicy::normalize).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean allows(String origin) {
        return any || origin == null || allowed.contains(normalize(origin));
    }

    private static String normalize(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
