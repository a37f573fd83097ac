package org.vertogw.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.vertogw.partition.PartitionMap;

/**
 * Everything a gateway runs with; immutable, made by {@link #builder}. The partition map comes from a file that is
 * watched ({@code mapFile}) or is given directly ({@code map}, the embedded demo).
 *
 * @param allowedOrigins browser origins that may open the WebSocket; empty means any in demo mode and none (only
 *     clients that send no Origin) in production
 * @param publicEndpoints the WSS endpoints the SDK may rotate over, published in the map; empty means this
 *     gateway's own
 * @param adminToken bearer token for {@code /v1/admin}; null restricts the admin API to loopback clients
 * @param routeToken a second token for {@code /v1/route} alone (the islands' lookups); null: the admin token only
 * @param defaultDomain domain for logins that name none, like mod_verto's {@code force-register-domain}
 * @param media the media relay; null for a signaling-only gateway that leaves SDP untouched
 * @param fleet the fleet this gateway shares its map, membership, health and assignment with; null for a gateway
 *     on its own
 */
public record GatewayConfig(
        String id,
        Mode mode,
        String host,
        int port,
        int acceptQueue,
        Path dataDir,
        TlsSettings tls,
        String path,
        List<String> allowedOrigins,
        Limits limits,
        HealthSettings health,
        Path mapFile,
        PartitionMap map,
        Duration mapPollInterval,
        boolean trustAllUpstream,
        Path upstreamCaPem,
        List<String> publicEndpoints,
        String adminToken,
        String routeToken,
        String defaultDomain,
        MediaSettings media,
        FleetSettings fleet) {

    /**
     * Connections the kernel holds completed but not yet accepted. The JDK's default of 50 overflows at a burst of
     * logins (each a TCP connection), and an overflowing queue drops the SYN, so the client waits a second for its
     * retransmission; the kernel caps the figure at {@code net.core.somaxconn} (4096 on current kernels).
     */
    public static final int DEFAULT_ACCEPT_QUEUE = 1024;

    public GatewayConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mode, "mode");
        if (mapFile == null && map == null) {
            throw new IllegalArgumentException("a partition map file or a map is required");
        }
        if (mode == Mode.PRODUCTION && tls.isSelfSigned()) {
            throw new IllegalArgumentException("production mode needs tls.certificate and tls.privateKey (PEM)");
        }
        if (acceptQueue < 1 || acceptQueue > 65535) {
            throw new IllegalArgumentException("listen.acceptQueue must be 1..65535, got " + acceptQueue);
        }
        allowedOrigins = List.copyOf(allowedOrigins);
        publicEndpoints = List.copyOf(publicEndpoints);
    }

    /** Without the admin and route tokens, which must never reach a log. */
    @Override
    public String toString() {
        return "GatewayConfig[" + id + " " + mode + " " + host + ":" + port + ", admin token "
                + (adminToken == null ? "unset" : "set") + ", route token " + (routeToken == null ? "unset" : "set")
                + "]";
    }

    public boolean demo() {
        return mode == Mode.DEMO;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Defaults: production mode (PEM certificates required, origins checked, admin API behind its token),
     * 127.0.0.1:8443, {@code /verto}, default limits and health. The demo asks for {@link Mode#DEMO} itself.
     */
    public static final class Builder {
        private String id = "gw-1";
        private Mode mode = Mode.PRODUCTION;
        private String host = "127.0.0.1";
        private int port = 8443;
        private int acceptQueue = DEFAULT_ACCEPT_QUEUE;
        private Path dataDir = Path.of(System.getProperty("user.home"), ".verto-gateway");
        private TlsSettings tls = TlsSettings.selfSigned();
        private String path = "/verto";
        private List<String> allowedOrigins = List.of();
        private Limits limits = Limits.defaults();
        private HealthSettings health = HealthSettings.defaults();
        private Path mapFile;
        private PartitionMap map;
        private Duration mapPollInterval = Duration.ofSeconds(1);
        private boolean trustAllUpstream;
        private Path upstreamCaPem;
        private List<String> publicEndpoints = List.of();
        private String adminToken;
        private String routeToken;
        private String defaultDomain;
        private MediaSettings media;
        private FleetSettings fleet;

        public Builder id(String v) {
            id = v;
            return this;
        }

        public Builder mode(Mode v) {
            mode = v;
            return this;
        }

        public Builder host(String v) {
            host = v;
            return this;
        }

        public Builder acceptQueue(int v) {
            acceptQueue = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder dataDir(Path v) {
            dataDir = v;
            return this;
        }

        public Builder tls(TlsSettings v) {
            tls = v;
            return this;
        }

        public Builder path(String v) {
            path = v;
            return this;
        }

        public Builder allowedOrigins(List<String> v) {
            allowedOrigins = v;
            return this;
        }

        public Builder limits(Limits v) {
            limits = v;
            return this;
        }

        public Builder health(HealthSettings v) {
            health = v;
            return this;
        }

        public Builder mapFile(Path v) {
            mapFile = v;
            return this;
        }

        public Builder map(PartitionMap v) {
            map = v;
            return this;
        }

        public Builder mapPollInterval(Duration v) {
            mapPollInterval = v;
            return this;
        }

        public Builder trustAllUpstream(boolean v) {
            trustAllUpstream = v;
            return this;
        }

        public Builder upstreamCaPem(Path v) {
            upstreamCaPem = v;
            return this;
        }

        public Builder publicEndpoints(List<String> v) {
            publicEndpoints = v;
            return this;
        }

        public Builder adminToken(String v) {
            adminToken = v;
            return this;
        }

        /** A token that opens {@code /v1/route} only: what the islands are given, instead of the admin token. */
        public Builder routeToken(String v) {
            routeToken = v;
            return this;
        }

        public Builder defaultDomain(String v) {
            defaultDomain = v;
            return this;
        }

        public Builder media(MediaSettings v) {
            media = v;
            return this;
        }

        public Builder fleet(FleetSettings v) {
            fleet = v;
            return this;
        }

        public GatewayConfig build() {
            return new GatewayConfig(
                    id,
                    mode,
                    host,
                    port,
                    acceptQueue,
                    dataDir,
                    tls,
                    path,
                    allowedOrigins,
                    limits,
                    health,
                    mapFile,
                    map,
                    mapPollInterval,
                    trustAllUpstream,
                    upstreamCaPem,
                    publicEndpoints,
                    adminToken,
                    routeToken,
                    defaultDomain,
                    media,
                    fleet);
        }
    }
}
