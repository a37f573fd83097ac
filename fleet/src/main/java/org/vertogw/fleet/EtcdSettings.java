package org.vertogw.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to reach etcd (docs/configuration.md, {@code fleet}): client URLs, and optionally TLS (a CA to trust, a client
 * certificate and PKCS#8 key) and a user and password.
 *
 * @param timeout the bound on every call; a call past it counts as etcd lost
 */
public record EtcdSettings(
        List<String> endpoints,
        Path caCertificate,
        Path clientCertificate,
        Path clientKey,
        String user,
        String password,
        Duration timeout) {

    public EtcdSettings {
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("fleet.etcd: at least one etcd client URL is required");
        }
        for (String e : endpoints) {
            if (!e.startsWith("http://") && !e.startsWith("https://")) {
                throw new IllegalArgumentException("fleet.etcd: \"" + e + "\" is not an http:// or https:// URL");
            }
        }
        if ((clientCertificate == null) != (clientKey == null)) {
            throw new IllegalArgumentException("fleet.tls: clientCertificate and clientKey go together");
        }
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("fleet: user and password go together");
        }
        Objects.requireNonNull(timeout, "timeout");
    }

    public static EtcdSettings plain(List<String> endpoints) {
        return new EtcdSettings(endpoints, null, null, null, null, null, Duration.ofSeconds(2));
    }
}
