package org.vertogw.app.cli;

import java.nio.file.Path;
import org.vertogw.gateway.VertoGateway;
import org.vertogw.gateway.config.GatewayConfig;
import org.vertogw.gateway.config.GatewayConfigFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Production mode: islands are remote mod_verto URLs from the partition map. */
@Command(
        name = "gateway",
        mixinStandardHelpOptions = true,
        description = "Run a gateway in front of FreeSWITCH mod_verto islands, configured by a JSON file.")
public final class GatewayCommand implements Runnable {

    @Option(names = "--config", required = true, description = "The gateway configuration file (JSON).")
    Path config;

    @Override
    public void run() {
        VertoGateway gateway;
        try {
            GatewayConfig c = GatewayConfigFile.load(config);
            gateway = VertoGateway.start(c);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Console.out("Gateway ready: " + gateway.httpsUri());
        Foreground.runUntilStopped(gateway);
    }
}
