package org.vertogw.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertogw.testing.ManagedProcess;
import org.vertogw.testing.ProductJar;

/** {@code verto-gateway.jar route}: the partitioner from the command line, as a real process. */
class RouteCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path vectorsMap(Path dir, String name) throws Exception {
        JsonNode v =
                JSON.readTree(Path.of(System.getProperty("testdata.dir", "../testdata"), "partitioning", "vectors.json")
                        .toFile());
        Path map = dir.resolve(name + ".json");
        Files.writeString(map, v.get("maps").get(name).toString());
        return map;
    }

    @Test
    void oneQueryFromOptionsMatchesTheVectors(@TempDir Path dir) throws Exception {
        Path map = vectorsMap(dir, "by-domain");
        ManagedProcess.Result r = ProductJar.run(
                null,
                "route",
                "--map",
                map.toString(),
                "--user",
                "1001",
                "--domain",
                "big-tenant.example",
                "--down",
                "fs-04,spare-a");
        assertThat(r.exit()).isZero();
        assertThat(r.stdout().trim())
                .isEqualTo("{\"home\":\"fs-04\",\"serving\":\"spare-b\",\"key\":\"big-tenant.example\"}");
    }

    @Test
    void everyVectorCaseAnsweredInOrderOverStdin(@TempDir Path dir) throws Exception {
        JsonNode v =
                JSON.readTree(Path.of(System.getProperty("testdata.dir", "../testdata"), "partitioning", "vectors.json")
                        .toFile());
        for (String name : new String[] {"by-domain", "by-extension", "single"}) {
            Path map = vectorsMap(dir, name);
            StringBuilder in = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            for (JsonNode c : v.get("cases")) {
                if (!c.get("map").asText().equals(name)) {
                    continue;
                }
                in.append(JSON.createObjectNode()
                                .put("user", c.get("user").asText())
                                .put("domain", c.get("domain").asText())
                                .set("down", c.get("down"))
                                .toString())
                        .append('\n');
                expected.append(JSON.createObjectNode()
                                .put("home", c.get("home").asText())
                                .put(
                                        "serving",
                                        c.get("serving").isNull()
                                                ? null
                                                : c.get("serving").asText())
                                .put("key", c.get("key").asText()))
                        .append('\n');
            }
            ManagedProcess.Result r = ProductJar.run(in.toString(), "route", "--map", map.toString());
            assertThat(r.exit()).as(r.stderr()).isZero();
            assertThat(r.stdout()).isEqualTo(expected.toString());
        }
    }

    @Test
    void invalidInputNamesTheFieldAndExitsWith2(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"islands\":[{\"id\":\"a\"},{\"id\":\"a\"}]}");
        ManagedProcess.Result r =
                ProductJar.run(null, "route", "--map", bad.toString(), "--user", "1", "--domain", "d");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr().trim()).isEqualTo("error: map islands[1].id: duplicate id \"a\"");

        Path map = vectorsMap(dir, "single");
        ManagedProcess.Result empty =
                ProductJar.run(null, "route", "--map", map.toString(), "--user", "1000", "--domain", " ");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.stderr().trim()).isEqualTo("error: domain is empty");

        ManagedProcess.Result lines = ProductJar.run(
                "{\"user\":\"\",\"domain\":\"x\"}\n{\"user\":\"1\",\"domain\":\"x\"}\n",
                "route",
                "--map",
                map.toString());
        assertThat(lines.exit()).isEqualTo(2);
        assertThat(lines.stdout().lines().toList())
                .containsExactly("error: user is empty", "{\"home\":\"only\",\"serving\":\"only\",\"key\":\"x\"}");
    }

    @Test
    void withNoIslandUpServingIsNull(@TempDir Path dir) throws Exception {
        Path map = vectorsMap(dir, "single");
        ManagedProcess.Result r = ProductJar.run(
                null, "route", "--map", map.toString(), "--user", "1", "--domain", "x", "--down", "only");
        assertThat(r.stdout().trim()).isEqualTo("{\"home\":\"only\",\"serving\":null,\"key\":\"x\"}");
    }
}
