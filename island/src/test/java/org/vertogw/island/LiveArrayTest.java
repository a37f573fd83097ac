package org.vertogw.island;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/protocol.md §5.4: the wire numbering and the bootstrap answer of a live array. */
class LiveArrayTest {

    private static ArrayNode row(String id) {
        return IslandConnection.object().arrayNode().add(id).add("1000");
    }

    @Test
    void everyChangeIsNumberedOneAboveTheLastStartingAtOne() {
        LiveArray la = new LiveArray("conference-liveArray.3000-a.example@a.example", "3000-a.example");
        ObjectNode add = la.change("add", "k1", row("0001"));
        ObjectNode modify = la.change("modify", "k1", row("0001"));
        ObjectNode del = la.change("del", "k1", row("0001"));
        assertThat(add.path("eventChannel").asText()).isEqualTo(la.channel);
        assertThat(add.path("data").path("action").asText()).isEqualTo("add");
        assertThat(add.path("data").path("name").asText()).isEqualTo("3000-a.example");
        assertThat(add.path("data").path("hashKey").asText()).isEqualTo("k1");
        assertThat(add.path("data").path("data").get(0).asText()).isEqualTo("0001");
        assertThat(add.path("data").path("wireSerno").asLong()).isEqualTo(1);
        assertThat(modify.path("data").path("wireSerno").asLong()).isEqualTo(2);
        assertThat(del.path("data").path("wireSerno").asLong()).isEqualTo(3);
        assertThat(la.serno()).isEqualTo(3);
    }

    @Test
    void aBootstrapIsUnsequencedAddressedToTheRequesterAndListsEveryRowInOrder() {
        LiveArray la = new LiveArray("conference-liveArray.3000-a.example@a.example", "3000-a.example");
        la.change("add", "k1", row("0001"));
        Map<String, ArrayNode> rows = new LinkedHashMap<>();
        rows.put("k1", row("0001"));
        rows.put("k2", row("0002"));
        ObjectNode boot = la.boot(rows, "sess-1");
        assertThat(boot.path("sessid").asText()).isEqualTo("sess-1");
        assertThat(boot.path("data").path("action").asText()).isEqualTo("bootObj");
        assertThat(boot.path("data").path("wireSerno").asLong()).isEqualTo(-1);
        assertThat(boot.path("data").path("data")).hasSize(2);
        assertThat(boot.path("data").path("data").get(1).get(0).asText()).isEqualTo("k2");
        assertThat(boot.path("data").path("data").get(1).get(1).get(0).asText()).isEqualTo("0002");
        assertThat(la.change("modify", "k1", row("0001"))
                        .path("data")
                        .path("wireSerno")
                        .asLong())
                .isEqualTo(2);
    }
}
