package org.vertogw.partition;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One island of the map. {@code id}, {@code weight} and {@code role} drive the computation; {@code verto} (the
 * upstream mod_verto URL), {@code sip} (where other islands bridge calls to it, docs/operations.md "Calls across
 * islands") and {@code gateways} (the endpoints that front it, for the SDK) are operator fields that do not affect
 * it.
 */
public record Island(String id, int weight, IslandRole role, String verto, List<String> gateways, String sip) {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final int MIN_WEIGHT = 1;
    public static final int MAX_WEIGHT = 64;

    public Island {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        gateways = gateways == null ? List.of() : List.copyOf(gateways);
    }

    /** An island without a SIP address. */
    public Island(String id, int weight, IslandRole role, String verto, List<String> gateways) {
        this(id, weight, role, verto, gateways, null);
    }

    public static Island active(String id, int weight) {
        return new Island(id, weight, IslandRole.ACTIVE, null, List.of());
    }

    public static Island spare(String id) {
        return new Island(id, 1, IslandRole.SPARE, null, List.of());
    }

    public boolean isSpare() {
        return role == IslandRole.SPARE;
    }
}
