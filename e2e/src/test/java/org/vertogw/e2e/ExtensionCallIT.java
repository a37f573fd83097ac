package org.vertogw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vertogw.e2e.harness.Cluster;
import org.vertogw.e2e.page.SoftphonePage;
import org.vertogw.partition.Island;
import org.vertogw.partition.IslandSelector;
import org.vertogw.partition.PartitionBy;
import org.vertogw.partition.PartitionMap;
import org.vertogw.testing.Chromium;

/**
 * Partitioned by extension (docs/operations.md, "Calls across islands"): two Chromium softphones whose users live on
 * different islands call each other through the demo page, the islands trunking the call; audio flows both ways and
 * either side hangs up. A screenshot of the caller's page goes to the build output.
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
class ExtensionCallIT {

    private static Cluster cluster;
    private final List<Chromium> browsers = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        Files.createDirectories(out());
        cluster = new Cluster(Files.createTempDirectory(out(), "cluster-ext-"))
                .partitionedByExtension()
                .start(2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Chromium::close);
        browsers.clear();
    }

    private static Path out() {
        return Path.of(System.getProperty("e2e.out", "target/e2e"));
    }

    private SoftphonePage page(int gateway) throws Exception {
        Chromium b = new Chromium();
        browsers.add(b);
        return new SoftphonePage(b).open(cluster.gatewayUrl(gateway));
    }

    /** A user of a.example whose island under the cluster's map is {@code island}. */
    private static String userOn(String island) throws Exception {
        PartitionMap m = new PartitionMap(
                1, PartitionBy.EXTENSION, List.of(Island.active("fs-01", 1), Island.active("fs-02", 1)), null, null);
        for (int n = 1000; n < 1020; n++) {
            if (IslandSelector.resolve(m, String.valueOf(n), "a.example", Set.of())
                    .serving()
                    .equals(island)) {
                return String.valueOf(n);
            }
        }
        throw new AssertionError("no demo user on " + island);
    }

    @Test
    void twoBrowsersOnDifferentIslandsCallEachOtherWithAudioBothWays() throws Exception {
        String aliceUser = userOn("fs-01");
        String bobUser = userOn("fs-02");
        SoftphonePage alice = page(0).login(aliceUser + "@a.example", "1234");
        SoftphonePage bob = page(1).login(bobUser + "@a.example", "1234");
        alice.awaitReady();
        bob.awaitReady();
        assertThat(alice.island()).isEqualTo("fs-01");
        assertThat(bob.island()).isEqualTo("fs-02");

        for (int round = 0; round < 2; round++) {
            alice.dial(bobUser);
            bob.answer();
            alice.awaitCallState("active");
            bob.awaitCallState("active");
            long a1 = alice.packetsReceived();
            long b1 = bob.packetsReceived();
            alice.awaitAudio();
            bob.awaitAudio();
            assertThat(alice.packetsReceived()).as("alice's inbound-rtp grows").isGreaterThan(a1);
            assertThat(bob.packetsReceived()).as("bob's inbound-rtp grows").isGreaterThan(b1);
            if (round == 0) {
                alice.browser().screenshot(out().resolve("softphone-extension-call.png"));
            }
            (round == 0 ? alice : bob).hangup();
            alice.awaitNoCall();
            bob.awaitNoCall();
        }
    }
}
