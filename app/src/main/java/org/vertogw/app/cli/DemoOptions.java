package org.vertogw.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of the demo, shared by {@code demo} and the bare command. */
public final class DemoOptions {

    @Option(names = "--host", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "HTTPS/WSS port; 0 picks a free one (default ${DEFAULT-VALUE}).")
    int port = 8443;

    @Option(
            names = "--media-port",
            description = "The UDP port browsers send media to; 0 picks a free one (default ${DEFAULT-VALUE}).")
    int mediaPort = 10000;

    @Option(
            names = "--public-address",
            description =
                    "Address put in ICE candidates for browsers (default: the listen address, 127.0.0.1 for loopback or any).")
    String publicAddress;

    @Option(
            names = "--partition-by",
            description =
                    "domain (every user of a domain on one island) or extension (each user hashed on its own, calls between islands trunked); default ${DEFAULT-VALUE}.")
    String partitionBy = "domain";

    @Option(names = "--data-dir", description = "Where the self-signed certificate is kept (default ~/.verto-gateway).")
    Path dataDir = Path.of(System.getProperty("user.home"), ".verto-gateway");
}
