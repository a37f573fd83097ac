package org.vertogw.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartitionMapValidationTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"islands\":[{\"id\":\"s\",\"role\":\"spare\"}]}|islands",
                "{\"islands\":[]}|islands",
                "{\"partitionBy\":\"domain\"}|islands",
                "{\"islands\":[{\"id\":\"a\"},{\"id\":\"a\"}]}|islands[1].id",
                "{\"islands\":[{\"id\":\"a b\"}]}|islands[0].id",
                "{\"islands\":[{\"id\":\"\"}]}|islands[0].id",
                "{\"islands\":[{}]}|islands[0].id",
                "{\"islands\":[{\"id\":\"a\",\"weight\":0}]}|islands[0].weight",
                "{\"islands\":[{\"id\":\"a\",\"weight\":65}]}|islands[0].weight",
                "{\"islands\":[{\"id\":\"a\",\"weight\":1.5}]}|islands[0].weight",
                "{\"islands\":[{\"id\":\"a\",\"weight\":\"2\"}]}|islands[0].weight",
                "{\"islands\":[{\"id\":\"a\",\"role\":\"primary\"}]}|islands[0].role",
                "{\"islands\":[{\"id\":\"a\"}],\"pins\":{\"x.example\":\"nope\"}}|pins[\"x.example\"]",
                "{\"islands\":[{\"id\":\"a\"},{\"id\":\"s\",\"role\":\"spare\"}],\"pins\":{\"x.example\":\"s\"}}|pins[\"x.example\"]",
                "{\"islands\":[{\"id\":\"a\"}],\"pins\":{\"X.example\":\"a\",\"x.example\":\"a\"}}|pins[\"x.example\"]",
                "{\"islands\":[{\"id\":\"a\"}],\"partitionBy\":\"user\"}|partitionBy",
                "{\"islands\":[{\"id\":\"a\"}],\"version\":-1}|version",
                "{\"islands\":[{\"id\":\"a\"}],\"version\":\"7\"}|version",
                "{\"islands\":[{\"id\":\"a\",\"verto\":5}]}|islands[0].verto",
                "{\"islands\":[{\"id\":\"a\",\"verto\":\"http://fs:8082\"}]}|islands[0].verto",
                "{\"islands\":[{\"id\":\"a\",\"verto\":\"wss://\"}]}|islands[0].verto",
                "{\"islands\":[{\"id\":\"a\",\"verto\":\"ws://fs:99999\"}]}|islands[0].verto",
                "{\"islands\":[{\"id\":\"a\",\"verto\":\"wss://fs 1:8082\"}]}|islands[0].verto",
                "{\"islands\":[{\"id\":\"a\",\"verto\":\"wss://admin:pw@fs:8082\"}]}|islands[0].verto",
                "{\"islands\":[{\"id\":\"a\",\"verto\":\"fs:8082\"}]}|islands[0].verto",
                "{\"islands\":[{\"id\":\"a\",\"gateways\":[\"https://gw/verto\"]}]}|islands[0].gateways[0]",
                "{\"islands\":[{\"id\":\"a\",\"sip\":7}]}|islands[0].sip",
                "{\"islands\":[{\"id\":\"a\",\"sip\":\"ws://fs:5060\"}]}|islands[0].sip",
                "{\"islands\":[{\"id\":\"a\",\"sip\":\"sip:1000@fs:5060\"}]}|islands[0].sip",
                "{\"islands\":[{\"id\":\"a\",\"sip\":\"sip:fs:70000\"}]}|islands[0].sip",
                "{\"islands\":[{\"id\":\"a\",\"sip\":\"sip:fs 1\"}]}|islands[0].sip",
                "{\"islands\":[{\"id\":\"a\"}],\"gateways\":[\"wss://gw/verto\",\"javascript:x\"]}|gateways[1]",
                "[1]|(map)",
                "{not json|(map)",
            })
    void aBadMapIsRejectedWholeNamingTheField(String json, String field) {
        assertThatThrownBy(() -> PartitionMapParser.parse(json))
                .isInstanceOfSatisfying(
                        PartitionMapException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void aWrittenMapReadsBackTheSame() throws Exception {
        PartitionMap m = PartitionMapParser.parse("{\"version\":9,\"partitionBy\":\"extension\",\"islands\":["
                + "{\"id\":\"fs-1\",\"weight\":3,\"verto\":\"wss://10.0.0.1:8082\",\"gateways\":[\"wss://gw/verto\"],"
                + "\"sip\":\"sip:10.0.0.1:5080;transport=tcp\"},"
                + "{\"id\":\"sp\",\"role\":\"spare\",\"verto\":\"ws://10.0.0.9:8081/\"}],"
                + "\"pins\":{\"a.example\":\"fs-1\"},\"gateways\":[\"wss://gw2/verto\"]}");
        PartitionMap back = PartitionMapParser.parse(PartitionMapWriter.toText(m));
        assertThat(PartitionMapWriter.toJson(back)).isEqualTo(PartitionMapWriter.toJson(m));
        assertThat(back.islands().get(0).verto()).isEqualTo("wss://10.0.0.1:8082");
        assertThat(back.islands().get(0).sip()).isEqualTo("sip:10.0.0.1:5080;transport=tcp");
        assertThat(back.islands().get(1).sip()).isNull();
        assertThat(back.pins()).containsEntry("a.example", "fs-1");
    }

    @Test
    void defaultsAndOperatorFieldsAreRead() throws Exception {
        PartitionMap m = PartitionMapParser.parse("{\"version\":7,\"islands\":[{\"id\":\"fs-01\","
                + "\"verto\":\"wss://10.0.0.11:8082\",\"gateways\":[\"wss://gw1/verto\"],\"secret\":\"x\"},"
                + "{\"id\":\"spare-a\",\"role\":\"spare\"}],\"pins\":{\" ACME.example \":\"fs-01\"},"
                + "\"gateways\":[\"wss://gw/verto\"]}");
        assertThat(m.version()).isEqualTo(7);
        assertThat(m.partitionBy()).isEqualTo(PartitionBy.DOMAIN);
        assertThat(m.island("fs-01").orElseThrow().verto()).isEqualTo("wss://10.0.0.11:8082");
        assertThat(m.island("fs-01").orElseThrow().gateways()).containsExactly("wss://gw1/verto");
        assertThat(m.island("fs-01").orElseThrow().weight()).isEqualTo(1);
        assertThat(m.pins()).containsEntry("acme.example", "fs-01");
        assertThat(m.actives()).extracting(Island::id).containsExactly("fs-01");
        assertThat(m.spares()).extracting(Island::id).containsExactly("spare-a");
        assertThat(m.gateways()).containsExactly("wss://gw/verto");
    }

    @Test
    void emptyUsersAndDomainsAreInvalidInputNotAPartition() throws Exception {
        PartitionMap m = PartitionMapParser.parse("{\"islands\":[{\"id\":\"a\"}]}");
        assertThatThrownBy(() -> IslandSelector.resolve(m, "1000", "  ", java.util.Set.of()))
                .hasMessageContaining("domain");
        assertThatThrownBy(() -> IslandSelector.resolve(m, "", "a.example", java.util.Set.of()))
                .hasMessageContaining("user");
    }
}
