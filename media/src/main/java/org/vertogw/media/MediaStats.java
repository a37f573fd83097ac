package org.vertogw.media;

import java.util.Map;
import org.vertogw.media.transport.DiscardReason;

/**
 * Engine totals, open and closed calls together: relays and endpoints (open now, and ever), packets and bytes
 * received and sent over all legs, and discards by reason, including datagrams on the shared browser port that no
 * leg claimed.
 */
public record MediaStats(
        int openRelays,
        long relaysCreated,
        int openEndpoints,
        long endpointsCreated,
        long packetsReceived,
        long bytesReceived,
        long packetsSent,
        long bytesSent,
        Map<DiscardReason, Long> discards) {

    public long discardedTotal() {
        return discards.values().stream().mapToLong(Long::longValue).sum();
    }

    public long discarded(DiscardReason reason) {
        return discards.getOrDefault(reason, 0L);
    }
}
