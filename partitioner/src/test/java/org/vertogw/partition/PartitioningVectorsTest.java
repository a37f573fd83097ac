package org.vertogw.partition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code testdata/partitioning/vectors.json}: the same file the JS SDK must pass (docs/partitioning.md). */
class PartitioningVectorsTest {

    static JsonNode vectors() throws Exception {
        Path p = Path.of(System.getProperty("testdata.dir", "../testdata"), "partitioning", "vectors.json");
        return new ObjectMapper().readTree(p.toFile());
    }

    static Stream<Arguments> murmur() throws Exception {
        return stream(vectors().get("murmur3_32"))
                .map(v ->
                        Arguments.of(v.get("utf8").asText(), v.get("murmur3_32").asLong()));
    }

    static Stream<Arguments> cases() throws Exception {
        JsonNode all = vectors();
        assertThat(all.get("cases").size()).isGreaterThanOrEqualTo(180);
        return stream(all.get("cases"))
                .map(c -> Arguments.of(c, all.get("maps").get(c.get("map").asText())));
    }

    @ParameterizedTest(name = "murmur3_32(\"{0}\") = {1}")
    @MethodSource("murmur")
    void murmur3MatchesTheVectors(String input, long expected) {
        assertThat(RendezvousHash.murmur3(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCaseResolvesToTheVectorsHomeServingAndKey(JsonNode c, JsonNode mapJson) throws Exception {
        PartitionMap map = PartitionMapParser.parse(mapJson);
        Set<String> down = new HashSet<>();
        c.get("down").forEach(d -> down.add(d.asText()));
        Route r = IslandSelector.resolve(
                map, c.get("user").asText(), c.get("domain").asText(), down);
        assertThat(r.key()).isEqualTo(c.get("key").asText());
        assertThat(r.home()).isEqualTo(c.get("home").asText());
        JsonNode serving = c.get("serving");
        assertThat(r.serving()).isEqualTo(serving.isNull() ? null : serving.asText());
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        Stream.Builder<JsonNode> b = Stream.builder();
        array.forEach(b::add);
        return b.build();
    }
}
