package org.vertogw.gateway.config;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The {@code limits} section of the configuration file as written (docs/configuration.md#limits): every member
 * optional, in the units the file uses (milliseconds for durations); what is absent keeps its default.
 */
record LimitsSection(
        Integer maxFrameBytes,
        Double messagesPerSecond,
        Integer messageBurst,
        Long inboundBytesPerSecond,
        Long inboundBytesBurst,
        Long maxQueuedOutboundBytes,
        Integer maxIdLength,
        Integer maxPendingRequests,
        Integer maxHeldRequests,
        Long loginDeadlineMs,
        Long upgradeTimeoutMs,
        Long loginTimeoutMs,
        Integer connectionsPerAddress,
        Double connectionsPerSecondPerAddress,
        Integer connectionBurstPerAddress,
        Integer connectionRateAddresses,
        Integer unauthenticatedPerAddress,
        Integer maxUnauthenticated,
        Integer maxSessions,
        Integer callsPerSession,
        Double callsPerSecond,
        Integer callBurst,
        Integer maxMediaSections,
        Long speedTestBytesPerMinute,
        Integer loginFailuresPerUser,
        Integer loginFailuresPerAddress,
        Long loginBackoffMs,
        Long loginBackoffMaxMs,
        Integer warmLinksPerIsland,
        Double reconnectsPerSecond,
        Double routeLookupsPerSecond,
        Integer adminEventStreams) {

    /** The limits with this section's values over the defaults; a value out of range names its key. */
    Limits toLimits() {
        Limits.Builder b = Limits.builder();
        set(maxFrameBytes, v -> b.maxFrameBytes = v);
        set(messagesPerSecond, v -> b.messagesPerSecond = v);
        set(messageBurst, v -> b.messageBurst = v);
        set(inboundBytesPerSecond, v -> b.inboundBytesPerSecond = v);
        set(inboundBytesBurst, v -> b.inboundBytesBurst = v);
        set(maxQueuedOutboundBytes, v -> b.maxQueuedOutboundBytes = v);
        set(maxIdLength, v -> b.maxIdLength = v);
        set(maxPendingRequests, v -> b.maxPendingRequests = v);
        set(maxHeldRequests, v -> b.maxHeldRequests = v);
        set(loginDeadlineMs, v -> b.loginDeadline = Duration.ofMillis(v));
        set(upgradeTimeoutMs, v -> b.upgradeTimeout = Duration.ofMillis(v));
        set(loginTimeoutMs, v -> b.islandLoginTimeout = Duration.ofMillis(v));
        set(connectionsPerAddress, v -> b.connectionsPerAddress = v);
        set(connectionsPerSecondPerAddress, v -> b.connectionsPerSecondPerAddress = v);
        set(connectionBurstPerAddress, v -> b.connectionBurstPerAddress = v);
        set(connectionRateAddresses, v -> b.connectionRateAddresses = v);
        set(unauthenticatedPerAddress, v -> b.unauthenticatedPerAddress = v);
        set(maxUnauthenticated, v -> b.maxUnauthenticated = v);
        set(maxSessions, v -> b.maxSessions = v);
        set(callsPerSession, v -> b.callsPerSession = v);
        set(callsPerSecond, v -> b.callsPerSecond = v);
        set(callBurst, v -> b.callBurst = v);
        set(maxMediaSections, v -> b.maxMediaSections = v);
        set(speedTestBytesPerMinute, v -> b.speedTestBytesPerMinute = v);
        set(loginFailuresPerUser, v -> b.loginFailuresPerUser = v);
        set(loginFailuresPerAddress, v -> b.loginFailuresPerAddress = v);
        set(loginBackoffMs, v -> b.loginBackoff = Duration.ofMillis(v));
        set(loginBackoffMaxMs, v -> b.loginBackoffMax = Duration.ofMillis(v));
        set(warmLinksPerIsland, v -> b.warmLinksPerIsland = v);
        set(reconnectsPerSecond, v -> b.reconnectsPerSecond = v);
        set(routeLookupsPerSecond, v -> b.routeLookupsPerSecond = v);
        set(adminEventStreams, v -> b.adminEventStreams = v);
        return b.build();
    }

    private static <T> void set(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
