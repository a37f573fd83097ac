package org.vertogw.app.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.vertogw.island.Directory;
import org.vertogw.island.HttpIslandRoutes;
import org.vertogw.island.IslandConfig;
import org.vertogw.island.IslandRoutes;
import org.vertogw.island.MapIslandRoutes;
import org.vertogw.island.VertoIsland;
import org.vertogw.island.media.TerminatingMedia;
import org.vertogw.media.MediaConfig;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.dtls.DtlsCertificate;
import org.vertogw.media.dtls.DtlsKeyType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One embedded island as its own process, so a test or an operator can kill it. */
@Command(name = "island", mixinStandardHelpOptions = true, description = "Run one embedded mod_verto-like island.")
public final class IslandCommand implements Runnable {

    /** The island configuration file. */
    record File(
            String id,
            String host,
            Integer port,
            String directory,
            Long detachTimeoutSec,
            Long pingIdleSec,
            String echo,
            String dtlsKey,
            String dtlsCertificate,
            String routeUrl,
            String routeToken,
            Boolean routeInsecure,
            String routeMap,
            String trunkSecret,
            Integer conferenceMaxMembers,
            Integer conferenceMaxTotal) {}

    @Option(
            names = "--config",
            description =
                    "Island configuration (JSON: id, host, port, directory, detachTimeoutSec, pingIdleSec, echo, dtlsKey, dtlsCertificate, routeUrl, routeToken, routeInsecure, routeMap, trunkSecret, conferenceMaxMembers, conferenceMaxTotal).")
    Path config;

    @Option(names = "--id", description = "Island id (default ${DEFAULT-VALUE}).")
    String id = "fs-01";

    @Option(names = "--host", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "Verto WebSocket port; 0 picks a free one (default ${DEFAULT-VALUE}).")
    int port = 8082;

    @Option(names = "--directory", description = "User directory (JSON); default: the demo directory.")
    Path directory;

    @Option(
            names = "--detach-timeout",
            description = "Seconds an answered call survives its socket (default ${DEFAULT-VALUE}).")
    long detachTimeoutSec = 120;

    @Option(
            names = "--media",
            description =
                    "terminate (WebRTC media like FreeSWITCH) or none (SDP passes between users untouched); default ${DEFAULT-VALUE}.")
    String media = "terminate";

    @Option(names = "--media-ports", description = "UDP port range for call legs, MIN-MAX (default: any free port).")
    String mediaPorts;

    @Option(
            names = "--media-address",
            description = "Address for media sockets and candidates (default: the listen address).")
    String mediaAddress;

    @Option(
            names = "--dtls-key",
            description =
                    "Key of the self-signed DTLS certificate made at start: rsa-2048 (FreeSWITCH's own), rsa-3072, rsa-4096, ecdsa-p256, ecdsa-p384 (default ${DEFAULT-VALUE}).")
    String dtlsKey = TerminatingMedia.DEFAULT_DTLS_KEY.configName();

    @Option(
            names = "--dtls-certificate",
            description =
                    "PEM file with the DTLS certificate and its private key (as FreeSWITCH's dtls-srtp.pem); overrides --dtls-key.")
    Path dtlsCertificate;

    @Option(
            names = "--route-url",
            description =
                    "A gateway's HTTPS base URL: its /v1/route says which island serves a user not registered here.")
    URI routeUrl;

    @Option(names = "--route-token", description = "The gateway's admin.routeToken (or admin token) for /v1/route.")
    String routeToken;

    @Option(
            names = "--route-insecure",
            description = "Accept any certificate from --route-url (a demo gateway's self-signed one).")
    boolean routeInsecure;

    @Option(
            names = "--route-map",
            description = "Compute routes from this partition map file instead of asking a gateway.")
    Path routeMap;

    @Option(
            names = "--trunk-secret",
            description =
                    "Secret shared by the operator's islands (16 characters or more): calls to users other islands serve are trunked there, and their trunks are accepted.")
    String trunkSecret;

    /** Where routes come from: a gateway, a map file, or nowhere (every call stays here). */
    private IslandRoutes routes() {
        if (routeUrl != null) {
            String scheme = routeUrl.getScheme();
            if (routeUrl.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
                throw new InvalidInput("--route-url must be an http:// or https:// URL, got " + routeUrl, null);
            }
            return new HttpIslandRoutes(routeUrl, routeToken, routeInsecure);
        }
        if (routeMap == null) {
            return null;
        }
        try {
            return new MapIslandRoutes(routeMap);
        } catch (java.io.IOException e) {
            throw new InvalidInput(
                    "--route-map " + routeMap + " cannot be read ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        } catch (org.vertogw.partition.PartitionMapException e) {
            throw new InvalidInput("map " + e.getMessage(), e);
        }
    }

    private void fromFile(File f, Path dir) {
        if (f.routeUrl() != null && routeUrl == null) {
            routeUrl = URI.create(f.routeUrl());
        }
        if (f.routeToken() != null && routeToken == null) {
            routeToken = f.routeToken();
        }
        routeInsecure |= Boolean.TRUE.equals(f.routeInsecure());
        if (f.routeMap() != null && routeMap == null) {
            routeMap = dir.resolve(f.routeMap());
        }
        if (f.trunkSecret() != null && trunkSecret == null) {
            trunkSecret = f.trunkSecret();
        }
    }

    private MediaConfig mediaConfig() throws java.io.IOException {
        String address = mediaAddress != null ? mediaAddress : host;
        MediaConfig.Builder m = TerminatingMedia.config()
                .bindAddress(address)
                .browserPort(0)
                .publicAddress(address.equals("0.0.0.0") ? "127.0.0.1" : address);
        if (mediaPorts == null) {
            m.islandPorts(0, 0);
        } else {
            String[] r = mediaPorts.split("-");
            if (r.length != 2) {
                throw new IllegalArgumentException("--media-ports must be MIN-MAX, got " + mediaPorts);
            }
            m.islandPorts(Integer.parseInt(r[0].trim()), Integer.parseInt(r[1].trim()));
        }
        if (dtlsCertificate != null) {
            m.dtlsCertificate(DtlsCertificate.load(dtlsCertificate, dtlsCertificate));
        } else {
            m.dtlsKey(DtlsKeyType.parse(dtlsKey));
        }
        return m.build();
    }

    @Override
    public void run() {
        IslandConfig.Builder b =
                IslandConfig.builder(id).bindHost(host).port(port).detachTimeout(Duration.ofSeconds(detachTimeoutSec));
        try {
            if (config != null) {
                File f = new ObjectMapper()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .readValue(config.toFile(), File.class);
                Path dir = config.toAbsolutePath().getParent();
                if (f.id() != null) {
                    b = IslandConfig.builder(f.id())
                            .bindHost(host)
                            .port(port)
                            .detachTimeout(Duration.ofSeconds(detachTimeoutSec));
                }
                if (f.host() != null) {
                    b.bindHost(f.host());
                }
                if (f.port() != null) {
                    b.port(f.port());
                }
                if (f.directory() != null) {
                    b.directory(Directory.load(dir.resolve(f.directory())));
                }
                if (f.detachTimeoutSec() != null) {
                    b.detachTimeout(Duration.ofSeconds(f.detachTimeoutSec()));
                }
                if (f.pingIdleSec() != null) {
                    b.pingIdle(Duration.ofSeconds(f.pingIdleSec()));
                }
                if (f.echo() != null) {
                    b.echoExtension(f.echo());
                }
                if (f.conferenceMaxMembers() != null) {
                    if (f.conferenceMaxMembers() < 1) {
                        throw new IllegalArgumentException(
                                "conferenceMaxMembers must be at least 1, got " + f.conferenceMaxMembers());
                    }
                    b.conferenceMaxMembers(f.conferenceMaxMembers());
                }
                if (f.conferenceMaxTotal() != null) {
                    if (f.conferenceMaxTotal() < 1) {
                        throw new IllegalArgumentException(
                                "conferenceMaxTotal must be at least 1, got " + f.conferenceMaxTotal());
                    }
                    b.conferenceMaxTotal(f.conferenceMaxTotal());
                }
                if (f.dtlsKey() != null) {
                    dtlsKey = f.dtlsKey();
                }
                if (f.dtlsCertificate() != null && dtlsCertificate == null) {
                    dtlsCertificate = dir.resolve(f.dtlsCertificate());
                }
                fromFile(f, dir);
            }
            if (directory != null) {
                b.directory(Directory.load(directory));
            }
            b.routes(routes()).trunkSecret(trunkSecret);
            String dtls = "";
            if (media.equals("terminate")) {
                MediaEngine engine = MediaEngine.start(mediaConfig());
                b.media(new TerminatingMedia(engine));
                TerminatingMedia.warmUp(engine);
                dtls = " (DTLS " + engine.config().dtlsKey() + " " + engine.fingerprint() + ")";
            } else if (!media.equals("none")) {
                throw new IllegalArgumentException("--media must be terminate or none, got " + media);
            }
            VertoIsland island = VertoIsland.start(b.build());
            Console.out("Island ready: " + island.id() + " " + island.uri() + dtls);
            Foreground.runUntilStopped(island);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
