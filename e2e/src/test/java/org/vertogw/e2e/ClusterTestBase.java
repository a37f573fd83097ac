package org.vertogw.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vertogw.e2e.harness.Cluster;
import org.vertogw.e2e.page.SoftphonePage;
import org.vertogw.testing.Chromium;

/**
 * One cluster of real processes per test class (two gateways, fs-01, fs-02, spare-1), and fresh headless
 * browsers per test. Runs only with {@code -Dmedia.peers=true} (browsers, in a private network namespace in CI).
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
abstract class ClusterTestBase {

    static final String PASSWORD = "1234";
    static Cluster cluster;
    private final List<Chromium> browsers = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        Path out = Path.of(System.getProperty("e2e.out", "target/e2e"));
        Files.createDirectories(out);
        cluster = new Cluster(Files.createTempDirectory(out, "cluster-")).start(2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    public void closeBrowsers() {
        browsers.forEach(Chromium::close);
        browsers.clear();
    }

    /** A fresh browser on the softphone page served by gateway {@code index}. */
    SoftphonePage page(int gateway) throws Exception {
        return page(cluster.gatewayUrl(gateway));
    }

    /** As {@link #page(int)}, recording the page's failover timeline ({@link SoftphonePage#withTimeline()}). */
    SoftphonePage tracedPage(int gateway) throws Exception {
        Chromium b = new Chromium();
        browsers.add(b);
        return new SoftphonePage(b).withTimeline().open(cluster.gatewayUrl(gateway));
    }

    SoftphonePage page(String url) throws Exception {
        Chromium b = new Chromium();
        browsers.add(b);
        return new SoftphonePage(b).open(url);
    }

    static Path out(String file) {
        return Path.of(System.getProperty("e2e.out", "target/e2e")).resolve(file);
    }
}
