package org.vertogw.partition;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the URLs a map carries (an island's {@code verto} upstream, the {@code gateways} the SDK may use) when the
 * map is read, so that a bad one refuses the whole map with the field named instead of failing a login later: an
 * absolute URL with one of the allowed schemes, a host, a port in range when one is given, and no user
 * information (a map is shown to operators; credentials do not belong in it).
 */
final class EndpointUrl {

    static final Set<String> WEBSOCKET = Set.of("ws", "wss");

    private EndpointUrl() {}

    /** {@code sip:host[:port][;params]} (RFC 3261 §19.1.1) without user part: the island itself, not a user of it. */
    private static final java.util.regex.Pattern SIP = java.util.regex.Pattern.compile(
            "(?i)sips?:(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(:(\\d{1,5}))?(;[A-Za-z0-9=;._-]*)?");

    static String checkSip(String value, String field) throws PartitionMapException {
        java.util.regex.Matcher m = SIP.matcher(value);
        if (value.contains("@")) {
            throw new PartitionMapException(field, "must not carry user information");
        }
        if (!m.matches()) {
            throw new PartitionMapException(
                    field, "must be a sip:host[:port] or sips:host[:port] URI, got \"" + value + "\"");
        }
        if (m.group(3) != null && (Integer.parseInt(m.group(3)) < 1 || Integer.parseInt(m.group(3)) > 65535)) {
            throw new PartitionMapException(field, "port " + m.group(3) + " outside 1..65535");
        }
        return value;
    }

    static String check(String value, String field, Set<String> schemes) throws PartitionMapException {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new PartitionMapException(field, "not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !schemes.contains(scheme)) {
            throw new PartitionMapException(
                    field,
                    "must be a "
                            + String.join(
                                    " or ",
                                    schemes.stream()
                                            .sorted()
                                            .map(s -> s + "://")
                                            .toList()) + " URL, got \"" + value + "\"");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new PartitionMapException(field, "has no host: \"" + value + "\"");
        }
        if (uri.getRawUserInfo() != null) {
            throw new PartitionMapException(field, "must not carry user information");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            throw new PartitionMapException(field, "port " + uri.getPort() + " outside 1..65535");
        }
        return value;
    }
}
