package org.vertogw.island;

import java.time.Duration;
import java.util.Objects;
import org.vertogw.island.media.IslandMedia;
import org.vertogw.island.media.PassthroughMedia;

/**
 * How an embedded island runs. Defaults follow mod_verto's: 120 s detach timeout, {@code verto.ping} after 30 s of
 * inbound silence, echo on 9196 (docs/protocol.md §1.6, §1.7).
 *
 * @param port 0 picks a free port
 * @param routes where a user not registered here is served (null: every call stays on this island)
 * @param trunkSecret what islands of one operator share to trunk calls to each other (docs/operations.md, "Calls
 *     across islands"); null refuses trunks and places none
 * @param conferenceMaxMembers members one conference room admits; one more is refused (0: the default, 32)
 * @param conferenceMaxTotal members of all conference rooms of the island together (0: the default, 64)
 */
public record IslandConfig(
        String id,
        String bindHost,
        int port,
        Directory directory,
        String echoExtension,
        Duration detachTimeout,
        Duration pingIdle,
        Duration ringTimeout,
        int maxMessageBytes,
        IslandMedia media,
        IslandRoutes routes,
        String trunkSecret,
        int conferenceMaxMembers,
        int conferenceMaxTotal) {

    /** Members a conference room admits when not configured. */
    public static final int DEFAULT_CONFERENCE_MAX_MEMBERS = 32;
    /** Members of all rooms together when not configured: the mixing thread's budget. */
    public static final int DEFAULT_CONFERENCE_MAX_TOTAL = 64;

    /** FreeSWITCH's echo test extension. */
    public static final String DEFAULT_ECHO = "9196";
    /** Shortest trunk secret accepted: a guessable one would let anyone place calls as another island. */
    public static final int MIN_TRUNK_SECRET = 16;

    public IslandConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(directory, "directory");
        bindHost = bindHost == null ? "127.0.0.1" : bindHost;
        echoExtension = echoExtension == null ? DEFAULT_ECHO : echoExtension;
        detachTimeout = detachTimeout == null ? Duration.ofSeconds(120) : detachTimeout;
        pingIdle = pingIdle == null ? Duration.ofSeconds(30) : pingIdle;
        ringTimeout = ringTimeout == null ? Duration.ofSeconds(60) : ringTimeout;
        maxMessageBytes = maxMessageBytes <= 0 ? 1_000_000 : maxMessageBytes;
        media = media == null ? new PassthroughMedia() : media;
        conferenceMaxMembers = conferenceMaxMembers <= 0 ? DEFAULT_CONFERENCE_MAX_MEMBERS : conferenceMaxMembers;
        conferenceMaxTotal = conferenceMaxTotal <= 0 ? DEFAULT_CONFERENCE_MAX_TOTAL : conferenceMaxTotal;
        if (trunkSecret != null && trunkSecret.length() < MIN_TRUNK_SECRET) {
            throw new IllegalArgumentException("the trunk secret must be at least " + MIN_TRUNK_SECRET + " characters");
        }
    }

    /** Without the trunk secret, which must never reach a log. */
    @Override
    public String toString() {
        return "IslandConfig[" + id + " " + bindHost + ":" + port + ", echo " + echoExtension + ", routes "
                + (routes == null ? "none" : routes.getClass().getSimpleName()) + ", trunks "
                + (trunkSecret == null ? "off" : "on") + "]";
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builder with the defaults above and the demo directory. */
    public static final class Builder {
        private final String id;
        private String bindHost = "127.0.0.1";
        private int port;
        private Directory directory = Directory.demo();
        private String echoExtension = DEFAULT_ECHO;
        private Duration detachTimeout;
        private Duration pingIdle;
        private Duration ringTimeout;
        private int maxMessageBytes;
        private IslandMedia media;
        private IslandRoutes routes;
        private String trunkSecret;
        private int conferenceMaxMembers;
        private int conferenceMaxTotal;

        private Builder(String id) {
            this.id = id;
        }

        public Builder bindHost(String v) {
            bindHost = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder directory(Directory v) {
            directory = v;
            return this;
        }

        public Builder echoExtension(String v) {
            echoExtension = v;
            return this;
        }

        public Builder detachTimeout(Duration v) {
            detachTimeout = v;
            return this;
        }

        public Builder pingIdle(Duration v) {
            pingIdle = v;
            return this;
        }

        /** How long a callee rings before the caller gets NO_ANSWER. */
        public Builder ringTimeout(Duration v) {
            ringTimeout = v;
            return this;
        }

        public Builder maxMessageBytes(int v) {
            maxMessageBytes = v;
            return this;
        }

        public Builder media(IslandMedia v) {
            media = v;
            return this;
        }

        public Builder routes(IslandRoutes v) {
            routes = v;
            return this;
        }

        public Builder trunkSecret(String v) {
            trunkSecret = v;
            return this;
        }

        /** Members one conference room admits. */
        public Builder conferenceMaxMembers(int v) {
            conferenceMaxMembers = v;
            return this;
        }

        /** Members of all conference rooms together. */
        public Builder conferenceMaxTotal(int v) {
            conferenceMaxTotal = v;
            return this;
        }

        public IslandConfig build() {
            return new IslandConfig(
                    id,
                    bindHost,
                    port,
                    directory,
                    echoExtension,
                    detachTimeout,
                    pingIdle,
                    ringTimeout,
                    maxMessageBytes,
                    media,
                    routes,
                    trunkSecret,
                    conferenceMaxMembers,
                    conferenceMaxTotal);
        }
    }
}
