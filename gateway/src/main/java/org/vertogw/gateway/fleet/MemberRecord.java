package org.vertogw.gateway.fleet;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * What a live gateway publishes under its lease: its id and public endpoints, its load, its own probe verdict per
 * island ({@code up}, {@code down}, {@code unknown}), and its sessions and active calls per island, the calls
 * counted per partition (home island) so the decider knows when a spare is idle of a partition.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberRecord(
        String id,
        List<String> endpoints,
        int sessions,
        Map<String, String> verdicts,
        Map<String, Integer> sessionsByIsland,
        Map<String, Map<String, Integer>> callsByIsland) {

    public MemberRecord {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        verdicts = verdicts == null ? Map.of() : Map.copyOf(verdicts);
        sessionsByIsland = sessionsByIsland == null ? Map.of() : Map.copyOf(sessionsByIsland);
        callsByIsland = callsByIsland == null ? Map.of() : Map.copyOf(callsByIsland);
    }

    /** Active calls of partition {@code home} this gateway has on {@code island}. */
    public int calls(String island, String home) {
        return callsByIsland.getOrDefault(island, Map.of()).getOrDefault(home, 0);
    }
}
