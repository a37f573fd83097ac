package org.vertogw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.vertogw.e2e.harness.StaticHttps;
import org.vertogw.e2e.page.SoftphonePage;

/**
 * Scenario 7: a client with a stale map computes the wrong island; the gateway answers -32010 with the right one
 * and the map version, and the client ends on the right island.
 */
class WrongIslandIT extends ClusterTestBase {

    @Test
    void aClientWithAStaleMapIsRedirectedToTheRightIsland() throws Exception {
        // version 0 pins b.example (which lives on fs-01) to fs-02
        String stale = "{\"version\":0,\"partitionBy\":\"domain\",\"islands\":[{\"id\":\"fs-01\",\"state\":\"up\"},"
                + "{\"id\":\"fs-02\",\"state\":\"up\"},{\"id\":\"spare-1\",\"role\":\"spare\",\"state\":\"up\"}],"
                + "\"pins\":{\"b.example\":\"fs-02\"},\"gateways\":[\"wss://"
                + cluster.gatewayUrl(0).replace("https://", "")
                + "verto\"]}";
        try (StaticHttps elsewhere = new StaticHttps(cluster.dir().resolve("data"), stale)) {
            String url = cluster.gatewayUrl(0) + "?map=" + URLEncoder.encode(elsewhere.url(), StandardCharsets.UTF_8);
            // the page takes a map from another origin only when this browser allows that origin
            SoftphonePage page = page(url)
                    .allowMapOrigin(URI.create(elsewhere.url()).resolve("/").toString())
                    .login("1013@b.example", PASSWORD);
            assertThat(page.awaitReady()).isEqualTo("fs-01");
        }
    }
}
