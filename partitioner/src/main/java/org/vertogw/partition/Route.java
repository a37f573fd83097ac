package org.vertogw.partition;

/**
 * Where a user lives: the partition {@code key}, the {@code home} island, and the {@code serving} island (the home
 * while it is up; null when no island can serve).
 */
public record Route(String key, String home, String serving) {

    public boolean servable() {
        return serving != null;
    }
}
