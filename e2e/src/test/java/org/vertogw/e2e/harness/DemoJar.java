package org.vertogw.e2e.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.vertogw.testing.ManagedProcess;
import org.vertogw.testing.ProductJar;

/**
 * The product jar's {@code demo} (a gateway, its embedded islands and the demo page, README's first command) as a
 * process of its own, on free ports, with a fresh data directory under {@code e2e.out}.
 */
public final class DemoJar implements AutoCloseable {

    private final ManagedProcess process;
    private final String url;

    private DemoJar(ManagedProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts it and waits until the gateway is ready; {@code name} prefixes its data directory. */
    public static DemoJar start(String name) throws IOException, InterruptedException {
        Path out = Files.createDirectories(Path.of(System.getProperty("e2e.out", "target/e2e")));
        Path dir = Files.createTempDirectory(out, name + "-");
        List<String> cmd =
                ProductJar.command(List.of(), "demo", "--port", "0", "--media-port", "0", "--data-dir", dir.toString());
        ManagedProcess process = new ManagedProcess("demo", cmd, dir);
        try {
            process.start("Gateway ready:");
            return new DemoJar(process, process.awaitLine("Gateway ready: (https://\\S+)", Duration.ofSeconds(5)));
        } catch (IOException | RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** The gateway's https URL, which serves the demo page at {@code /}. */
    public String url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
