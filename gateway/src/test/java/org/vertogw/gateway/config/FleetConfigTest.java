package org.vertogw.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code fleet} section of the configuration file (docs/configuration.md). */
class FleetConfigTest {

    @TempDir
    Path dir;

    private GatewayConfig load(String extra) throws Exception {
        Files.writeString(dir.resolve("map.json"), "{\"version\":1,\"islands\":[{\"id\":\"fs-01\"}]}");
        Path f = dir.resolve("gateway.json");
        Files.writeString(f, "{\"mode\":\"demo\",\"partitionMap\":\"map.json\"" + extra + "}");
        return GatewayConfigFile.load(f);
    }

    @Test
    void withoutAFleetSectionTheGatewayRunsAlone() throws Exception {
        assertThat(load("").fleet()).isNull();
    }

    @Test
    void aFleetSectionNamesEtcdThePrefixTlsAndCredentials() throws Exception {
        FleetSettings f = load(",\"fleet\":{\"etcd\":[\"https://10.0.0.1:2379\",\"https://10.0.0.2:2379\"],"
                        + "\"prefix\":\"/prod-gw\",\"tls\":{\"ca\":\"ca.pem\",\"certificate\":\"c.pem\","
                        + "\"privateKey\":\"k.pem\"},\"user\":\"gw\",\"password\":\"s3cret\",\"leaseTtlMs\":9000}")
                .fleet();
        assertThat(f.etcd().endpoints()).containsExactly("https://10.0.0.1:2379", "https://10.0.0.2:2379");
        assertThat(f.prefix()).isEqualTo("/prod-gw");
        assertThat(f.etcd().caCertificate()).isEqualTo(dir.resolve("ca.pem"));
        assertThat(f.etcd().clientKey()).isEqualTo(dir.resolve("k.pem"));
        assertThat(f.etcd().user()).isEqualTo("gw");
        assertThat(f.leaseTtl()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void defaultsAreThePrefixAFiveSecondLeaseAndATwoSecondTimeout() throws Exception {
        FleetSettings f =
                load(",\"fleet\":{\"etcd\":[\"http://127.0.0.1:2379\"]}").fleet();
        assertThat(f.prefix()).isEqualTo("/verto-gateway");
        assertThat(f.leaseTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(f.etcd().timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void badFleetSettingsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> load(",\"fleet\":{}")).hasMessageContaining("fleet.etcd");
        assertThatThrownBy(() -> load(",\"fleet\":{\"etcd\":[\"127.0.0.1:2379\"]}"))
                .hasMessageContaining("fleet.etcd")
                .hasMessageContaining("not an http");
        assertThatThrownBy(() -> load(",\"fleet\":{\"etcd\":[\"http://a:1\"],\"prefix\":\"x/\"}"))
                .hasMessageContaining("fleet.prefix");
        assertThatThrownBy(() -> load(",\"fleet\":{\"etcd\":[\"http://a:1\"],\"user\":\"u\"}"))
                .hasMessageContaining("user and password");
        assertThatThrownBy(() -> load(",\"fleet\":{\"etcd\":[\"http://a:1\"],\"leaseTtl\":3}"))
                .hasMessageContaining("leaseTtl");
    }

    @Test
    void aMapFileWithAnInvalidFailbackStopsAFleetGatewayAtStartNamingTheField() throws Exception {
        GatewayConfig c = load(",\"fleet\":{\"etcd\":[\"http://127.0.0.1:9\"]}");
        Files.writeString(
                dir.resolve("map.json"),
                "{\"version\":1,\"islands\":[{\"id\":\"fs-01\"}],\"failback\":{\"policy\":\"sometimes\"}}");
        assertThatThrownBy(() -> org.vertogw.gateway.VertoGateway.start(c)).hasMessageContaining("failback.policy");
    }
}
