package org.vertogw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vertogw.e2e.harness.BrowserNetwork;
import org.vertogw.e2e.harness.Cluster;
import org.vertogw.e2e.page.SoftphonePage;
import org.vertogw.testing.Chromium;

/**
 * A browser on a network that blocks UDP: headless Chromium in a network namespace of its own
 * ({@link BrowserNetwork}), calling the echo test 9196 through the demo page of a gateway that offers ICE-TCP (on
 * by default). With UDP allowed its ICE selects UDP; once the namespace's nftables drops UDP toward the gateway,
 * the next call must select the gateway's passive TCP candidate (RFC 6544) and the browser must hear its own audio
 * back. The selected pair is read from the browser's own getStats, through a recorder of the page's peer
 * connections installed before the page's scripts run.
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
class IceTcpIT {

    private static final String RECORD_PEER_CONNECTIONS = "(() => {"
            + " const Native = window.RTCPeerConnection; window.__peerConnections = [];"
            + " function Recorded(...args) { const pc = new Native(...args); window.__peerConnections.push(pc);"
            + " return pc; }"
            + " Recorded.prototype = Native.prototype; Object.setPrototypeOf(Recorded, Native);"
            + " window.RTCPeerConnection = Recorded; })();";
    private static final String SELECTED_PAIR = "const done = arguments[arguments.length - 1];"
            + " const pcs = window.__peerConnections || []; const pc = pcs[pcs.length - 1];"
            + " if (!pc) { done(null); return; }"
            + " pc.getStats().then(r => { let pair = null;"
            + "  r.forEach(s => { if (s.type === 'transport' && s.selectedCandidatePairId) {"
            + "   pair = r.get(s.selectedCandidatePairId); } });"
            + "  if (!pair) { done(null); return; }"
            + "  const local = r.get(pair.localCandidateId); const remote = r.get(pair.remoteCandidateId);"
            + "  done({local: local.protocol, remote: remote.protocol, tcpType: local.tcpType || null,"
            + "   remotePort: remote.port, bytesReceived: pair.bytesReceived}); },"
            + " e => done({error: '' + e}));";

    private static BrowserNetwork network;
    private static Cluster cluster;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(BrowserNetwork.available(), "needs root, ip and nft to make the browser's network");
        Path out = Path.of(System.getProperty("e2e.out", "target/e2e"));
        Files.createDirectories(out);
        Path dir = Files.createTempDirectory(out, "ice-tcp-");
        network = BrowserNetwork.create(dir);
        cluster = new Cluster(dir).gatewaysOn(network.gatewayAddress()).start(1);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (network != null) {
                network.close();
            }
        }
    }

    /** Calls 9196 from a fresh browser in the namespace; returns the selected pair once audio is heard. */
    private Map<?, ?> echoCall(String user) throws Exception {
        try (Chromium browser = new Chromium(network.chromium(), List.of("--remote-debugging-pipe"))) {
            ((ChromeDriver) browser.driver())
                    .executeCdpCommand(
                            "Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_PEER_CONNECTIONS));
            SoftphonePage me = new SoftphonePage(browser).open(cluster.gatewayUrl(0));
            me.login(user, "1234").awaitReady();
            me.dial("9196");
            me.awaitCallState("active");
            me.awaitAudio();
            Map<?, ?> pair = (Map<?, ?>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(SELECTED_PAIR);
            me.hangup();
            me.awaitNoCall();
            return pair;
        }
    }

    @Test
    void withUdpBlockedTheCallGoesOverIceTcpAndAudioIsHeard() throws Exception {
        Map<?, ?> open = echoCall("1000@a.example");
        assertThat(open).as("selected pair with UDP allowed").isNotNull();
        assertThat(open.get("local")).isEqualTo("udp");
        assertThat(open.get("remote")).isEqualTo("udp");

        network.blockUdp();
        Map<?, ?> blocked = echoCall("1001@a.example");

        assertThat(blocked).as("selected pair with UDP blocked").isNotNull();
        assertThat(blocked.get("local")).isEqualTo("tcp");
        assertThat(blocked.get("remote")).isEqualTo("tcp");
        assertThat(blocked.get("tcpType")).isEqualTo("active");
        assertThat(((Number) blocked.get("remotePort")).intValue()).isEqualTo(cluster.mediaPort(0));
        assertThat(((Number) blocked.get("bytesReceived")).longValue()).isPositive();
        assertThat(network.udpDropped()).as("the browser tried UDP first").isPositive();
    }
}
