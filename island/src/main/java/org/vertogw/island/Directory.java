package org.vertogw.island;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The user directory an island authenticates against, like FreeSWITCH's: users per domain with a password
 * (docs/protocol.md §3.2). Domains compare case-insensitively, user ids exactly.
 */
public final class Directory {

    /** One user. */
    public record User(String id, String domain, String password) {
        public String login() {
            return id + "@" + domain;
        }

        /** Compares in constant time, so a wrong password takes as long as a right one. */
        boolean passwordMatches(String candidate) {
            return candidate != null
                    && MessageDigest.isEqual(
                            password.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
        }
    }

    public static final List<String> DEMO_DOMAINS = List.of("a.example", "b.example", "c.example");
    public static final String DEMO_PASSWORD = "1234";

    private final Map<String, User> users = new HashMap<>();

    public Directory add(String id, String domain, String password) {
        users.put(key(id, domain), new User(id, domain.toLowerCase(Locale.ROOT), password));
        return this;
    }

    public Optional<User> find(String id, String domain) {
        return Optional.ofNullable(users.get(key(id, domain)));
    }

    public boolean hasDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        return users.values().stream().anyMatch(u -> u.domain().equals(d));
    }

    public int size() {
        return users.size();
    }

    /** Like FreeSWITCH's default directory: users 1000-1019 in each demo domain, password 1234. */
    public static Directory demo() {
        Directory d = new Directory();
        for (String domain : DEMO_DOMAINS) {
            for (int u = 1000; u <= 1019; u++) {
                d.add(Integer.toString(u), domain, DEMO_PASSWORD);
            }
        }
        return d;
    }

    /** {@code {"domains": {"a.example": {"1000": "secret", ...}, ...}}}. */
    public static Directory load(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode domains = root == null ? null : root.get("domains");
        if (domains == null || !domains.isObject()) {
            throw new IOException(file + ": \"domains\" must be an object of domain to {user: password}");
        }
        Directory d = new Directory();
        for (Iterator<Map.Entry<String, JsonNode>> it = domains.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> domain = it.next();
            if (!domain.getValue().isObject()) {
                throw new IOException(file + ": domains." + domain.getKey() + " must be an object of user to password");
            }
            for (Iterator<Map.Entry<String, JsonNode>> u = domain.getValue().fields(); u.hasNext(); ) {
                Map.Entry<String, JsonNode> user = u.next();
                if (!user.getValue().isTextual()) {
                    throw new IOException(
                            file + ": domains." + domain.getKey() + "." + user.getKey() + " must be a password string");
                }
                d.add(user.getKey(), domain.getKey(), user.getValue().asText());
            }
        }
        return d;
    }

    private static String key(String id, String domain) {
        return id + "@" + domain.toLowerCase(Locale.ROOT);
    }
}
