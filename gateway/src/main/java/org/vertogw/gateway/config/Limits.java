package org.vertogw.gateway.config;

import java.time.Duration;

/**
 * What one browser connection, one address and the whole gateway may use. The frame limit is mod_verto's
 * (docs/protocol.md §1.2); a larger frame closes the connection with 1009.
 *
 * @param maxFrameBytes largest text message, bytes
 * @param messagesPerSecond sustained rate of messages per connection; a burst of {@code messageBurst} is allowed
 * @param connectionsPerAddress open connections from one remote address; more are closed with 1008
 * @param maxSessions open browser connections in all; more are closed with 1013
 * @param maxPendingRequests requests of one session in flight to its island
 * @param loginTimeout how long the island has to answer a login before the client gets -32012
 * @param warmLinksPerIsland open, unauthenticated upstream connections kept ready per island, so a login does
 *     not wait for a handshake to the island (0 turns this off)
 * @param reconnectsPerSecond how fast the sessions of a lost island are sent on to log in again (IslandLossPacer)
 */
public record Limits(
        int maxFrameBytes,
        double messagesPerSecond,
        int messageBurst,
        int connectionsPerAddress,
        int maxSessions,
        int maxPendingRequests,
        Duration loginTimeout,
        int warmLinksPerIsland,
        double reconnectsPerSecond) {

    public static Limits defaults() {
        return new Limits(1_000_000, 50, 100, 50, 20_000, 256, Duration.ofSeconds(10), 8, 1000);
    }

    public Limits withMessageRate(double perSecond, int burst) {
        return new Limits(
                maxFrameBytes,
                perSecond,
                burst,
                connectionsPerAddress,
                maxSessions,
                maxPendingRequests,
                loginTimeout,
                warmLinksPerIsland,
                reconnectsPerSecond);
    }

    public Limits withConnectionsPerAddress(int n) {
        return new Limits(
                maxFrameBytes,
                messagesPerSecond,
                messageBurst,
                n,
                maxSessions,
                maxPendingRequests,
                loginTimeout,
                warmLinksPerIsland,
                reconnectsPerSecond);
    }

    public Limits withMaxFrameBytes(int n) {
        return new Limits(
                n,
                messagesPerSecond,
                messageBurst,
                connectionsPerAddress,
                maxSessions,
                maxPendingRequests,
                loginTimeout,
                warmLinksPerIsland,
                reconnectsPerSecond);
    }

    public Limits withMaxSessions(int n) {
        return new Limits(
                maxFrameBytes,
                messagesPerSecond,
                messageBurst,
                connectionsPerAddress,
                n,
                maxPendingRequests,
                loginTimeout,
                warmLinksPerIsland,
                reconnectsPerSecond);
    }

    public Limits withWarmLinksPerIsland(int n) {
        return new Limits(
                maxFrameBytes,
                messagesPerSecond,
                messageBurst,
                connectionsPerAddress,
                maxSessions,
                maxPendingRequests,
                loginTimeout,
                n,
                reconnectsPerSecond);
    }

    public Limits withReconnectsPerSecond(double r) {
        return new Limits(
                maxFrameBytes,
                messagesPerSecond,
                messageBurst,
                connectionsPerAddress,
                maxSessions,
                maxPendingRequests,
                loginTimeout,
                warmLinksPerIsland,
                r);
    }

    public Limits withLoginTimeout(Duration d) {
        return new Limits(
                maxFrameBytes,
                messagesPerSecond,
                messageBurst,
                connectionsPerAddress,
                maxSessions,
                maxPendingRequests,
                d,
                warmLinksPerIsland,
                reconnectsPerSecond);
    }
}
