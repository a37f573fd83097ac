package org.vertogw.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.vertogw.partition.IslandSelector;
import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.PartitionMapException;
import org.vertogw.partition.PartitionMapParser;
import org.vertogw.partition.Route;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Answers "which island serves this user" from a map file, exactly as the gateway computes it: one query from the
 * options, or one JSON line per query on stdin ({@code {"user","domain","down":[..]}}), answered in order. Invalid
 * input gives a one-line error naming the field and exit code 2 (after answering every valid line).
 */
@Command(
        name = "route",
        mixinStandardHelpOptions = true,
        description = "Print {\"home\",\"serving\",\"key\"} for a user from a partition map file.")
public final class RouteCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--map", required = true, description = "The partition map file (JSON).")
    Path map;

    @Option(names = "--user", description = "The user (extension); without it, queries are read from stdin.")
    String user;

    @Option(names = "--domain", description = "The domain.")
    String domain;

    @Option(names = "--down", split = ",", description = "Island ids to treat as down, comma-separated.")
    List<String> down = List.of();

    @Override
    public Integer call() throws IOException {
        PartitionMap m;
        try {
            m = PartitionMapParser.parse(Files.readString(map));
        } catch (PartitionMapException e) {
            Console.err("error: map " + e.getMessage());
            return 2;
        } catch (IOException e) {
            Console.err("error: map: cannot read " + map + ": " + e.getMessage());
            return 2;
        }
        if (user != null || domain != null) {
            String answer = answer(m, user, domain, new HashSet<>(down));
            if (answer.startsWith("error: ")) {
                Console.err(answer);
                return 2;
            }
            Console.out(answer);
            return 0;
        }
        int code = 0;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            String answer = query(m, line);
            if (answer.startsWith("error: ")) {
                code = 2;
            }
            Console.out(answer);
        }
        return code;
    }

    private static String query(PartitionMap m, String line) {
        JsonNode q;
        try {
            q = JSON.readTree(line);
        } catch (IOException e) {
            return "error: query: not JSON";
        }
        if (q == null || !q.isObject()) {
            return "error: query: must be a JSON object";
        }
        JsonNode u = q.get("user");
        JsonNode d = q.get("domain");
        if (u != null && !u.isTextual()) {
            return "error: user: must be a string";
        }
        if (d != null && !d.isTextual()) {
            return "error: domain: must be a string";
        }
        Set<String> down = new HashSet<>();
        JsonNode dn = q.get("down");
        if (dn != null && !dn.isNull()) {
            if (!dn.isArray()) {
                return "error: down: must be an array of island ids";
            }
            for (JsonNode id : dn) {
                if (!id.isTextual()) {
                    return "error: down: must be an array of island ids";
                }
                down.add(id.asText());
            }
        }
        return answer(m, u == null ? null : u.asText(), d == null ? null : d.asText(), down);
    }

    private static String answer(PartitionMap m, String user, String domain, Set<String> down) {
        Route r;
        try {
            r = IslandSelector.resolve(m, user, domain, down);
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("home", r.home());
        o.put("serving", r.serving());
        o.put("key", r.key());
        return o.toString();
    }
}
