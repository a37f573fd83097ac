package org.vertogw.gateway.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.vertogw.fleet.EtcdSettings;
import org.vertogw.media.dtls.DtlsKeyType;

/**
 * The production configuration file (JSON). Relative paths are resolved against the file's directory. Unknown
 * members are an error, so a typo never silently falls back to a default. See {@code docs/configuration.md}.
 */
public final class GatewayConfigFile {

    record Listen(String host, Integer port, Integer acceptQueue) {}

    record Tls(String certificate, String privateKey) {}

    record Health(Long intervalMs, Long timeoutMs, Integer downAfter, Integer upAfter) {}

    record Upstream(Boolean trustAll, String caCertificates) {}

    record Admin(String token, String routeToken) {}

    record Media(
            Boolean enabled,
            String bindAddress,
            String publicAddress,
            Integer browserPort,
            Integer islandPortMin,
            Integer islandPortMax,
            Integer threads,
            String dtlsKey,
            Integer dtlsHandshakeThreads,
            Integer dtlsHandshakesQueued,
            Boolean tcp,
            Integer tcpPort,
            Integer tcpMaxConnections,
            Integer tcpMaxConnectionsPerAddress,
            Long tcpHandshakeTimeoutMs,
            Integer tcpMaxQueuedBytes) {}

    record FleetTls(String ca, String certificate, String privateKey) {}

    record Fleet(
            List<String> etcd,
            String prefix,
            FleetTls tls,
            String user,
            String password,
            Long timeoutMs,
            Long leaseTtlMs,
            Long resyncMs) {}

    @JsonIgnoreProperties(value = {"$comment"})
    record File(
            String id,
            String mode,
            Listen listen,
            Tls tls,
            String partitionMap,
            List<String> allowedOrigins,
            LimitsSection limits,
            Health health,
            Upstream upstream,
            List<String> publicEndpoints,
            Admin admin,
            String defaultDomain,
            String dataDir,
            Media media,
            Fleet fleet) {}

    private static DtlsKeyType dtlsKey(String value) {
        try {
            return value == null ? null : DtlsKeyType.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("media.dtlsKey: " + e.getMessage(), e);
        }
    }

    /**
     * Reads and checks the whole file.
     *
     * @throws InvalidConfigException naming the file and the field, for anything that cannot be used as written
     * @throws IOException when the file cannot be read
     */
    public static GatewayConfig load(Path file) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        File f;
        try {
            f = m.readValue(file.toFile(), File.class);
        } catch (JsonMappingException e) {
            throw new InvalidConfigException(file + ": " + e.getOriginalMessage() + " at " + e.getPathReference(), e);
        }
        try {
            return build(f, file);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(file + ": " + e.getMessage(), e);
        }
    }

    private static GatewayConfig build(File f, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        GatewayConfig.Builder b = GatewayConfig.builder();
        b.mode(Mode.parse(f.mode()));
        if (f.id() != null) {
            b.id(f.id());
        }
        if (f.listen() != null) {
            if (f.listen().host() != null) {
                b.host(f.listen().host());
            }
            if (f.listen().port() != null) {
                b.port(f.listen().port());
            }
            if (f.listen().acceptQueue() != null) {
                b.acceptQueue(f.listen().acceptQueue());
            }
        }
        if (f.tls() != null) {
            b.tls(new TlsSettings(
                    resolve(dir, f.tls().certificate()), resolve(dir, f.tls().privateKey())));
        }
        if (f.partitionMap() == null) {
            throw new IllegalArgumentException("partitionMap: the partition map file is required");
        }
        b.mapFile(resolve(dir, f.partitionMap()));
        if (f.allowedOrigins() != null) {
            b.allowedOrigins(f.allowedOrigins());
        }
        if (f.limits() != null) {
            b.limits(f.limits().toLimits());
        }
        if (f.health() != null) {
            HealthSettings d = HealthSettings.defaults();
            Health h = f.health();
            b.health(new HealthSettings(
                    h.intervalMs() == null ? d.interval() : Duration.ofMillis(h.intervalMs()),
                    h.timeoutMs() == null ? d.timeout() : Duration.ofMillis(h.timeoutMs()),
                    or(h.downAfter(), d.downAfter()),
                    or(h.upAfter(), d.upAfter())));
        }
        if (f.upstream() != null) {
            b.trustAllUpstream(Boolean.TRUE.equals(f.upstream().trustAll()));
            b.upstreamCaPem(resolve(dir, f.upstream().caCertificates()));
        }
        if (f.publicEndpoints() != null) {
            b.publicEndpoints(f.publicEndpoints());
        }
        if (f.admin() != null) {
            b.adminToken(f.admin().token());
            b.routeToken(f.admin().routeToken());
        }
        if (f.dataDir() != null) {
            b.dataDir(resolve(dir, f.dataDir()));
        }
        b.defaultDomain(f.defaultDomain());
        if (f.media() != null && !Boolean.FALSE.equals(f.media().enabled())) {
            MediaSettings d = MediaSettings.defaults();
            Media mf = f.media();
            b.media(new MediaSettings(
                    or(mf.bindAddress(), d.bindAddress()),
                    mf.publicAddress(),
                    or(mf.browserPort(), d.browserPort()),
                    or(mf.islandPortMin(), d.islandPortMin()),
                    or(mf.islandPortMax(), d.islandPortMax()),
                    or(mf.threads(), d.threads()),
                    dtlsKey(mf.dtlsKey()),
                    or(mf.dtlsHandshakeThreads(), 0),
                    or(mf.dtlsHandshakesQueued(), 0),
                    new IceTcpSettings(
                            !Boolean.FALSE.equals(mf.tcp()),
                            or(mf.tcpPort(), -1),
                            IceTcpSettings.limits(
                                    mf.tcpMaxConnections(),
                                    mf.tcpMaxConnectionsPerAddress(),
                                    mf.tcpHandshakeTimeoutMs(),
                                    mf.tcpMaxQueuedBytes()))));
        }
        if (f.fleet() != null) {
            b.fleet(fleet(f.fleet(), dir));
        }
        return b.build();
    }

    private static FleetSettings fleet(Fleet f, Path dir) {
        if (f.etcd() == null || f.etcd().isEmpty()) {
            throw new IllegalArgumentException("fleet.etcd: list at least one etcd client URL");
        }
        FleetTls tls = f.tls() == null ? new FleetTls(null, null, null) : f.tls();
        EtcdSettings etcd = new EtcdSettings(
                f.etcd(),
                resolve(dir, tls.ca()),
                resolve(dir, tls.certificate()),
                resolve(dir, tls.privateKey()),
                f.user(),
                f.password(),
                Duration.ofMillis(or(f.timeoutMs(), 2000L)));
        FleetSettings d = FleetSettings.on(etcd);
        return new FleetSettings(
                etcd,
                or(f.prefix(), d.prefix()),
                f.leaseTtlMs() == null ? d.leaseTtl() : Duration.ofMillis(f.leaseTtlMs()),
                f.resyncMs() == null ? d.resync() : Duration.ofMillis(f.resyncMs()));
    }

    private static Path resolve(Path dir, String p) {
        return p == null ? null : dir.resolve(p);
    }

    private static <T> T or(T v, T d) {
        return v == null ? d : v;
    }

    private GatewayConfigFile() {}
}
