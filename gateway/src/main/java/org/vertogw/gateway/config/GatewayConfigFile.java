package org.vertogw.gateway.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.vertogw.media.dtls.DtlsKeyType;

/**
 * The production configuration file (JSON). Relative paths are resolved against the file's directory. Unknown
 * members are an error, so a typo never silently falls back to a default. See {@code docs/configuration.md}.
 */
public final class GatewayConfigFile {

    record Listen(String host, Integer port) {}

    record Tls(String certificate, String privateKey) {}

    record LimitsFile(
            Integer maxFrameBytes,
            Double messagesPerSecond,
            Integer messageBurst,
            Integer connectionsPerAddress,
            Integer maxSessions,
            Integer maxPendingRequests,
            Long loginTimeoutMs,
            Integer warmLinksPerIsland,
            Double reconnectsPerSecond) {}

    record Health(Long intervalMs, Long timeoutMs, Integer downAfter, Integer upAfter) {}

    record Upstream(Boolean trustAll, String caCertificates) {}

    record Admin(String token) {}

    record Media(
            Boolean enabled,
            String bindAddress,
            String publicAddress,
            Integer browserPort,
            Integer islandPortMin,
            Integer islandPortMax,
            Integer threads,
            String dtlsKey) {}

    @JsonIgnoreProperties(value = {"$comment"})
    record File(
            String id,
            String mode,
            Listen listen,
            Tls tls,
            String partitionMap,
            List<String> allowedOrigins,
            LimitsFile limits,
            Health health,
            Upstream upstream,
            List<String> publicEndpoints,
            Admin admin,
            String defaultDomain,
            String dataDir,
            Media media) {}

    private static DtlsKeyType dtlsKey(Path file, String value) throws IOException {
        try {
            return value == null ? null : DtlsKeyType.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": media.dtlsKey: " + e.getMessage(), e);
        }
    }

    public static GatewayConfig load(Path file) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        File f;
        try {
            f = m.readValue(file.toFile(), File.class);
        } catch (JsonMappingException e) {
            throw new IOException(file + ": " + e.getOriginalMessage() + " at " + e.getPathReference(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        GatewayConfig.Builder b = GatewayConfig.builder();
        b.mode(
                f.mode() == null || f.mode().equals("production")
                        ? Mode.PRODUCTION
                        : Mode.valueOf(f.mode().toUpperCase(java.util.Locale.ROOT)));
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
        }
        if (f.tls() != null) {
            b.tls(new TlsSettings(
                    resolve(dir, f.tls().certificate()), resolve(dir, f.tls().privateKey())));
        }
        if (f.partitionMap() == null) {
            throw new IOException(file + ": \"partitionMap\" (the partition map file) is required");
        }
        b.mapFile(resolve(dir, f.partitionMap()));
        if (f.allowedOrigins() != null) {
            b.allowedOrigins(f.allowedOrigins());
        }
        if (f.limits() != null) {
            Limits d = Limits.defaults();
            LimitsFile l = f.limits();
            b.limits(new Limits(
                    or(l.maxFrameBytes(), d.maxFrameBytes()),
                    or(l.messagesPerSecond(), d.messagesPerSecond()),
                    or(l.messageBurst(), d.messageBurst()),
                    or(l.connectionsPerAddress(), d.connectionsPerAddress()),
                    or(l.maxSessions(), d.maxSessions()),
                    or(l.maxPendingRequests(), d.maxPendingRequests()),
                    l.loginTimeoutMs() == null ? d.loginTimeout() : Duration.ofMillis(l.loginTimeoutMs()),
                    or(l.warmLinksPerIsland(), d.warmLinksPerIsland()),
                    or(l.reconnectsPerSecond(), d.reconnectsPerSecond())));
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
                    dtlsKey(file, mf.dtlsKey())));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static Path resolve(Path dir, String p) {
        return p == null ? null : dir.resolve(p);
    }

    private static <T> T or(T v, T d) {
        return v == null ? d : v;
    }

    private GatewayConfigFile() {}
}
