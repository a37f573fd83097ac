package org.vertogw.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertogw.partition.Island;
import org.vertogw.partition.IslandSelector;
import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.PartitionMapException;
import org.vertogw.partition.PartitionMapParser;
import org.vertogw.partition.PartitionMapWriter;
import org.vertogw.partition.Route;

/**
 * Any partition map an operator or a fleet store hands the gateway (docs/partitioning.md): it parses or is refused
 * with {@link PartitionMapException}; a map that parses routes every user to one of its islands, with and without
 * islands down, and written back out it parses to a map that routes the same.
 */
class PartitionMapFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] USERS = {
        {"1001", "a.example"}, {"1002", "b.example"}, {"Alice", "Bücher.Example"}, {"9196", "big-tenant.example"}
    };

    static Stream<Arguments> maps() throws IOException {
        JsonNode maps = JSON.readTree(
                        Seeds.testdata("partitioning", "vectors.json").toFile())
                .path("maps");
        List<Arguments> out = new ArrayList<>();
        maps.forEach(m -> out.add(Seeds.text(m.toString())));
        return out.stream();
    }

    @MethodSource("maps")
    @FuzzTest
    void parse(byte[] input) throws PartitionMapException {
        PartitionMap map;
        try {
            map = PartitionMapParser.parse(new String(input, StandardCharsets.UTF_8));
        } catch (PartitionMapException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        PartitionMap again = PartitionMapParser.parse(PartitionMapWriter.toText(map));
        Set<String> ids = new HashSet<>();
        map.islands().forEach(i -> ids.add(i.id()));
        List<Set<String>> downs = new ArrayList<>();
        downs.add(Set.of());
        if (!map.actives().isEmpty()) {
            downs.add(Set.of(map.actives().get(0).id()));
        }
        downs.add(ids);
        for (String[] u : USERS) {
            for (Set<String> down : downs) {
                Route r = IslandSelector.resolve(map, u[0], u[1], down);
                assertThat(ids).contains(r.home());
                if (r.serving() != null) {
                    assertThat(down).doesNotContain(r.serving());
                    assertThat(ids).contains(r.serving());
                }
                assertThat(IslandSelector.resolve(again, u[0], u[1], down)).isEqualTo(r);
            }
        }
        assertThat(again.islands().stream().map(Island::id).toList())
                .isEqualTo(map.islands().stream().map(Island::id).toList());
        assertThat(again.version()).isEqualTo(map.version());
        assertThat(again.pins()).isEqualTo(map.pins());
    }
}
