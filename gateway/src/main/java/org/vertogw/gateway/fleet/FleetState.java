package org.vertogw.gateway.fleet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.fleet.FleetStore;

/**
 * The fleet's keys as last read, decoded: live members (in order of id), the assignment and its mod revision, and the
 * stored map. Immutable; a record that does not decode is skipped with a warning, never applied in part.
 */
public record FleetState(
        Map<String, MemberRecord> members, Assignment assignment, long assignmentRevision, FleetStore.Entry map) {

    static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Logger LOG = LoggerFactory.getLogger(FleetState.class);

    static final FleetState EMPTY = new FleetState(Map.of(), Assignment.HOME, 0, null);

    static FleetState of(FleetKeys keys, Map<String, FleetStore.Entry> entries) {
        Map<String, MemberRecord> members = new TreeMap<>();
        Assignment assignment = Assignment.HOME;
        long assignmentRevision = 0;
        FleetStore.Entry map = null;
        for (FleetStore.Entry e : entries.values()) {
            try {
                if (e.key().equals(keys.map())) {
                    map = e;
                } else if (e.key().equals(keys.assignment())) {
                    assignment = JSON.readValue(e.value(), Assignment.class);
                    assignmentRevision = e.modRevision();
                } else if (e.key().startsWith(keys.members())) {
                    MemberRecord m = JSON.readValue(e.value(), MemberRecord.class);
                    if (m.id() != null) {
                        members.put(m.id(), m);
                    }
                }
            } catch (IOException ex) {
                LOG.warn(
                        "fleet key {} does not decode, skipped: {}",
                        e.key(),
                        ex.getClass().getSimpleName());
            }
        }
        return new FleetState(Collections.unmodifiableMap(members), assignment, assignmentRevision, map);
    }

    /**
     * The fleet's verdict: an island is down when more than half of the live gateways say so, so that one flapping
     * or partitioned gateway cannot flip it. With no live member known, this gateway's own view decides.
     */
    Set<String> down(Set<String> ownDown) {
        if (members.isEmpty()) {
            return ownDown;
        }
        Map<String, Integer> votes = new TreeMap<>();
        for (MemberRecord m : members.values()) {
            m.verdicts().forEach((island, v) -> {
                if ("down".equals(v)) {
                    votes.merge(island, 1, Integer::sum);
                }
            });
        }
        Set<String> out = new HashSet<>();
        votes.forEach((island, n) -> {
            if (n * 2 > members.size()) {
                out.add(island);
            }
        });
        return Set.copyOf(out);
    }

    /** Active calls of partition {@code home} on {@code island}, over all live gateways. */
    int calls(String island, String home) {
        return members.values().stream().mapToInt(m -> m.calls(island, home)).sum();
    }
}
