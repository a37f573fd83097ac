package org.vertogw.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertogw.media.net.TcpLimits;

/**
 * The media section's ICE-TCP keys and the route lookup budget (docs/configuration.md): defaults, every key read, bad
 * values named.
 */
class GatewayConfigFileTest {

    @TempDir
    Path dir;

    private GatewayConfig load(String media) throws Exception {
        Files.writeString(dir.resolve("map.json"), "{}");
        Path f = dir.resolve("gateway.json");
        Files.writeString(f, "{\"mode\": \"demo\", \"partitionMap\": \"map.json\", \"media\": " + media + "}");
        return GatewayConfigFile.load(f);
    }

    @Test
    void iceTcpIsOnByDefaultOnTheBrowserPortsNumber() throws Exception {
        IceTcpSettings tcp = load("{}").media().tcp();
        assertThat(tcp.enabled()).isTrue();
        assertThat(tcp.port()).isEqualTo(-1);
        assertThat(tcp.limits()).isEqualTo(TcpLimits.DEFAULTS);
    }

    @Test
    void everyIceTcpKeyIsRead() throws Exception {
        IceTcpSettings tcp = load("{\"tcp\": true, \"tcpPort\": 443, \"tcpMaxConnections\": 100,"
                        + " \"tcpMaxConnectionsPerAddress\": 7, \"tcpHandshakeTimeoutMs\": 2500,"
                        + " \"tcpMaxQueuedBytes\": 32768}")
                .media()
                .tcp();
        assertThat(tcp.port()).isEqualTo(443);
        assertThat(tcp.limits()).isEqualTo(new TcpLimits(100, 7, Duration.ofMillis(2500), 32768));
        assertThat(load("{\"tcp\": false}").media().tcp().enabled()).isFalse();
    }

    @Test
    void badIceTcpValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> load("{\"tcpPort\": 70000}"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("media.tcpPort");
        assertThatThrownBy(() -> load("{\"tcpMaxConnectionsPerAddress\": 0}"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("media.tcp");
        assertThatThrownBy(() -> load("{\"tcpMaxQueuedBytes\": 100}"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("fewer than two full packets");
        assertThatThrownBy(() -> load("{\"tcpPorts\": 1}"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("tcpPorts");
    }

    @Test
    void theRouteLookupBudgetIsALimit() throws Exception {
        assertThat(load("{}").limits().routeLookupsPerSecond()).isEqualTo(500);
        Files.writeString(
                dir.resolve("limited.json"),
                "{\"mode\": \"demo\", \"partitionMap\": \"map.json\","
                        + " \"limits\": {\"routeLookupsPerSecond\": 20}}");
        assertThat(GatewayConfigFile.load(dir.resolve("limited.json")).limits().routeLookupsPerSecond())
                .isEqualTo(20);
        Files.writeString(
                dir.resolve("zero.json"),
                "{\"mode\": \"demo\", \"partitionMap\": \"map.json\","
                        + " \"limits\": {\"routeLookupsPerSecond\": 0}}");
        assertThatThrownBy(() -> GatewayConfigFile.load(dir.resolve("zero.json")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("limits.routeLookupsPerSecond");
    }

    @Test
    void theConsolesEventStreamsAreALimit() throws Exception {
        assertThat(load("{}").limits().adminEventStreams()).isEqualTo(8);
        Files.writeString(
                dir.resolve("streams.json"),
                "{\"mode\": \"demo\", \"partitionMap\": \"map.json\", \"limits\": {\"adminEventStreams\": 2}}");
        assertThat(GatewayConfigFile.load(dir.resolve("streams.json")).limits().adminEventStreams())
                .isEqualTo(2);
        Files.writeString(
                dir.resolve("none.json"),
                "{\"mode\": \"demo\", \"partitionMap\": \"map.json\", \"limits\": {\"adminEventStreams\": 0}}");
        assertThatThrownBy(() -> GatewayConfigFile.load(dir.resolve("none.json")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("limits.adminEventStreams");
    }

    @Test
    void theRateOfNewConnectionsPerAddressIsALimit() throws Exception {
        Limits d = load("{}").limits();
        assertThat(d.connectionsPerSecondPerAddress()).isEqualTo(20);
        assertThat(d.connectionBurstPerAddress()).isEqualTo(40);
        assertThat(d.connectionRateAddresses()).isEqualTo(100_000);
        Files.writeString(
                dir.resolve("rate.json"),
                "{\"mode\": \"demo\", \"partitionMap\": \"map.json\", \"limits\":"
                        + " {\"connectionsPerSecondPerAddress\": 2.5, \"connectionBurstPerAddress\": 6,"
                        + " \"connectionRateAddresses\": 1000}}");
        Limits l = GatewayConfigFile.load(dir.resolve("rate.json")).limits();
        assertThat(l.connectionsPerSecondPerAddress()).isEqualTo(2.5);
        assertThat(l.connectionBurstPerAddress()).isEqualTo(6);
        assertThat(l.connectionRateAddresses()).isEqualTo(1000);
        Files.writeString(
                dir.resolve("burstless.json"),
                "{\"mode\": \"demo\", \"partitionMap\": \"map.json\","
                        + " \"limits\": {\"connectionBurstPerAddress\": 0}}");
        assertThatThrownBy(() -> GatewayConfigFile.load(dir.resolve("burstless.json")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("limits.connectionBurstPerAddress");
    }
}
