package org.vertogw.gateway.config;

import java.time.Duration;

/**
 * What one browser connection, one address and the whole gateway may make the gateway spend: every budget an
 * anonymous client can reach has one here, with its default and its bounds (docs/configuration.md#limits). Past a
 * budget the gateway refuses with a reason a client can read (a JSON-RPC error or a close code) and counts it.
 *
 * @param maxFrameBytes largest text message; a larger one closes the connection with 1009 (mod_verto's 1 MB)
 * @param messagesPerSecond sustained messages per connection; over it a request gets -32013 with retryAfterMs
 * @param messageBurst messages a connection may send at once
 * @param inboundBytesPerSecond sustained bytes per connection, checked on arrival before any parsing
 * @param inboundBytesBurst bytes a connection may send at once (at least {@code maxFrameBytes})
 * @param maxQueuedOutboundBytes bytes waiting to be written to one browser; past it the connection closes with 1013
 * @param maxIdLength longest request id, as JSON text; a longer one is answered -32600 with a null id
 * @param maxPendingRequests requests of one session in flight to its island
 * @param maxHeldRequests requests held while the island checks a login
 * @param loginDeadline from the upgrade to a successful login; a connection that has not logged in is closed (1008)
 * @param upgradeTimeout time a connection has to finish its TLS handshake and HTTP upgrade
 * @param islandLoginTimeout how long the island has to answer a login before the client gets -32012
 * @param connectionsPerAddress open connections from one remote address; more are closed with 1008
 * @param connectionsPerSecondPerAddress sustained rate of new TCP connections from one address; over it a connection is
 *     reset when accepted, before its TLS handshake
 * @param connectionBurstPerAddress new connections one address may open at once
 * @param connectionRateAddresses addresses whose connection rate is remembered; past it the one seen longest ago is
 *     forgotten
 * @param unauthenticatedPerAddress connections from one address that have not logged in yet; more: 1013
 * @param maxUnauthenticated connections in all that have not logged in yet; more: 1013
 * @param maxSessions open browser connections in all; more are closed with 1013
 * @param callsPerSession calls with media relayed at once for one session; more are refused with -32002
 * @param callsPerSecond sustained rate of new calls per session, with a burst of {@code callBurst}
 * @param callBurst new calls a session may place at once
 * @param maxMediaSections m-lines in one SDP; more are refused with -32002
 * @param speedTestBytesPerMinute bytes of speed tests (upload and download) per session and minute, one at a time
 * @param loginFailuresPerUser failed logins of one user before each further one backs off
 * @param loginFailuresPerAddress failed logins from one address before each further one backs off
 * @param loginBackoff the first back-off; it doubles with each further failure
 * @param loginBackoffMax the longest back-off
 * @param warmLinksPerIsland open, unauthenticated upstream connections kept ready per island (0: none)
 * @param reconnectsPerSecond how fast the sessions of a lost island are sent on to log in again
 * @param routeLookupsPerSecond {@code GET /v1/route} answers per second for the whole gateway, with a burst of as many
 * @param adminEventStreams open {@code /v1/admin/events} streams (operator consoles) at once; more are refused 429
 */
public record Limits(
        int maxFrameBytes,
        double messagesPerSecond,
        int messageBurst,
        long inboundBytesPerSecond,
        long inboundBytesBurst,
        long maxQueuedOutboundBytes,
        int maxIdLength,
        int maxPendingRequests,
        int maxHeldRequests,
        Duration loginDeadline,
        Duration upgradeTimeout,
        Duration islandLoginTimeout,
        int connectionsPerAddress,
        double connectionsPerSecondPerAddress,
        int connectionBurstPerAddress,
        int connectionRateAddresses,
        int unauthenticatedPerAddress,
        int maxUnauthenticated,
        int maxSessions,
        int callsPerSession,
        double callsPerSecond,
        int callBurst,
        int maxMediaSections,
        long speedTestBytesPerMinute,
        int loginFailuresPerUser,
        int loginFailuresPerAddress,
        Duration loginBackoff,
        Duration loginBackoffMax,
        int warmLinksPerIsland,
        double reconnectsPerSecond,
        double routeLookupsPerSecond,
        int adminEventStreams) {

    public Limits {
        check("maxFrameBytes", maxFrameBytes, 1024, 16 << 20);
        check("messagesPerSecond", messagesPerSecond, 0.1, 100_000);
        check("messageBurst", messageBurst, 1, 1_000_000);
        check("inboundBytesPerSecond", inboundBytesPerSecond, 1024, 1L << 32);
        check("inboundBytesBurst", inboundBytesBurst, maxFrameBytes, 1L << 32);
        check("maxQueuedOutboundBytes", maxQueuedOutboundBytes, 65_536, 1L << 32);
        check("maxIdLength", maxIdLength, 16, 65_536);
        check("maxPendingRequests", maxPendingRequests, 1, 100_000);
        check("maxHeldRequests", maxHeldRequests, 1, 10_000);
        check("loginDeadlineMs", loginDeadline.toMillis(), 100, 3_600_000);
        check("upgradeTimeoutMs", upgradeTimeout.toMillis(), 100, 600_000);
        check("loginTimeoutMs", islandLoginTimeout.toMillis(), 100, 600_000);
        check("connectionsPerAddress", connectionsPerAddress, 1, 1_000_000);
        check("connectionsPerSecondPerAddress", connectionsPerSecondPerAddress, 0.1, 1_000_000);
        check("connectionBurstPerAddress", connectionBurstPerAddress, 1, 1_000_000);
        check("connectionRateAddresses", connectionRateAddresses, 1, 10_000_000);
        check("unauthenticatedPerAddress", unauthenticatedPerAddress, 1, connectionsPerAddress);
        check("maxUnauthenticated", maxUnauthenticated, 1, maxSessions);
        check("maxSessions", maxSessions, 1, 10_000_000);
        check("callsPerSession", callsPerSession, 1, 1000);
        check("callsPerSecond", callsPerSecond, 0.001, 1000);
        check("callBurst", callBurst, 1, 1000);
        check("maxMediaSections", maxMediaSections, 1, 64);
        check("speedTestBytesPerMinute", speedTestBytesPerMinute, 0, 1L << 36);
        check("loginFailuresPerUser", loginFailuresPerUser, 0, 1000);
        check("loginFailuresPerAddress", loginFailuresPerAddress, 0, 100_000);
        check("loginBackoffMs", loginBackoff.toMillis(), 1, 3_600_000);
        check("loginBackoffMaxMs", loginBackoffMax.toMillis(), loginBackoff.toMillis(), 86_400_000);
        check("warmLinksPerIsland", warmLinksPerIsland, 0, 1000);
        check("reconnectsPerSecond", reconnectsPerSecond, 1, 1_000_000);
        check("routeLookupsPerSecond", routeLookupsPerSecond, 1, 1_000_000);
        check("adminEventStreams", adminEventStreams, 1, 1000);
    }

    private static void check(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(
                    "limits." + key + ": must be " + number(min) + ".." + number(max) + ", got " + number(value));
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    public static Limits defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxFrameBytes = maxFrameBytes;
        b.messagesPerSecond = messagesPerSecond;
        b.messageBurst = messageBurst;
        b.inboundBytesPerSecond = inboundBytesPerSecond;
        b.inboundBytesBurst = inboundBytesBurst;
        b.maxQueuedOutboundBytes = maxQueuedOutboundBytes;
        b.maxIdLength = maxIdLength;
        b.maxPendingRequests = maxPendingRequests;
        b.maxHeldRequests = maxHeldRequests;
        b.loginDeadline = loginDeadline;
        b.upgradeTimeout = upgradeTimeout;
        b.islandLoginTimeout = islandLoginTimeout;
        b.connectionsPerAddress = connectionsPerAddress;
        b.connectionsPerSecondPerAddress = connectionsPerSecondPerAddress;
        b.connectionBurstPerAddress = connectionBurstPerAddress;
        b.connectionRateAddresses = connectionRateAddresses;
        b.unauthenticatedPerAddress = unauthenticatedPerAddress;
        b.maxUnauthenticated = maxUnauthenticated;
        b.maxSessions = maxSessions;
        b.callsPerSession = callsPerSession;
        b.callsPerSecond = callsPerSecond;
        b.callBurst = callBurst;
        b.maxMediaSections = maxMediaSections;
        b.speedTestBytesPerMinute = speedTestBytesPerMinute;
        b.loginFailuresPerUser = loginFailuresPerUser;
        b.loginFailuresPerAddress = loginFailuresPerAddress;
        b.loginBackoff = loginBackoff;
        b.loginBackoffMax = loginBackoffMax;
        b.warmLinksPerIsland = warmLinksPerIsland;
        b.reconnectsPerSecond = reconnectsPerSecond;
        b.routeLookupsPerSecond = routeLookupsPerSecond;
        b.adminEventStreams = adminEventStreams;
        return b;
    }

    /** The defaults of docs/configuration.md#limits; each setter is checked when {@link #build()} runs. */
    public static final class Builder {
        public int maxFrameBytes = 1_000_000;
        public double messagesPerSecond = 50;
        public int messageBurst = 100;
        public long inboundBytesPerSecond = 256 * 1024;
        public long inboundBytesBurst = 2_000_000;
        public long maxQueuedOutboundBytes = 4L << 20;
        public int maxIdLength = 128;
        public int maxPendingRequests = 256;
        public int maxHeldRequests = 32;
        public Duration loginDeadline = Duration.ofSeconds(30);
        public Duration upgradeTimeout = Duration.ofSeconds(10);
        public Duration islandLoginTimeout = Duration.ofSeconds(10);
        public int connectionsPerAddress = 50;
        public double connectionsPerSecondPerAddress = 20;
        public int connectionBurstPerAddress = 40;
        public int connectionRateAddresses = 100_000;
        public int unauthenticatedPerAddress = 10;
        public int maxUnauthenticated = 2000;
        public int maxSessions = 20_000;
        public int callsPerSession = 4;
        public double callsPerSecond = 1;
        public int callBurst = 4;
        public int maxMediaSections = 8;
        public long speedTestBytesPerMinute = 32L << 20;
        public int loginFailuresPerUser = 3;
        public int loginFailuresPerAddress = 10;
        public Duration loginBackoff = Duration.ofSeconds(1);
        public Duration loginBackoffMax = Duration.ofSeconds(60);
        public int warmLinksPerIsland = 8;
        public double reconnectsPerSecond = 1000;
        public double routeLookupsPerSecond = 500;
        public int adminEventStreams = 8;

        private Builder() {}

        /** Applies {@code change} to this builder (for a chain of a few settings in one expression). */
        public Builder with(java.util.function.Consumer<Builder> change) {
            change.accept(this);
            return this;
        }

        public Limits build() {
            return new Limits(
                    maxFrameBytes,
                    messagesPerSecond,
                    messageBurst,
                    inboundBytesPerSecond,
                    inboundBytesBurst,
                    maxQueuedOutboundBytes,
                    maxIdLength,
                    maxPendingRequests,
                    maxHeldRequests,
                    loginDeadline,
                    upgradeTimeout,
                    islandLoginTimeout,
                    connectionsPerAddress,
                    connectionsPerSecondPerAddress,
                    connectionBurstPerAddress,
                    connectionRateAddresses,
                    unauthenticatedPerAddress,
                    maxUnauthenticated,
                    maxSessions,
                    callsPerSession,
                    callsPerSecond,
                    callBurst,
                    maxMediaSections,
                    speedTestBytesPerMinute,
                    loginFailuresPerUser,
                    loginFailuresPerAddress,
                    loginBackoff,
                    loginBackoffMax,
                    warmLinksPerIsland,
                    reconnectsPerSecond,
                    routeLookupsPerSecond,
                    adminEventStreams);
        }
    }
}
