package org.vertogw.island;

/**
 * The {@code #SP*} side channel of authenticated connections (docs/protocol.md §1.8): the client uploads
 * {@code #SPU <bytes>}, {@code #SPB} filler frames and {@code #SPE}; the island answers {@code #SPU <upload-ms>},
 * a burst of {@code #SPB} frames of the same total size, then {@code #SPD <download-ms>}.
 */
final class SpeedTest {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final String FILLER = "#SPB" + ".".repeat(1020);

    private long bytes;
    private long startNanos;

    /** Handles one frame; false if the frame is not a valid speed-test frame. */
    boolean frame(IslandConnection conn, String text, long nowNanos) {
        if (text.startsWith("#SPU ")) {
            try {
                bytes = Math.min(
                        MAX_BYTES, Math.max(0, Long.parseLong(text.substring(5).trim())));
            } catch (NumberFormatException e) {
                return false;
            }
            startNanos = nowNanos;
            return true;
        }
        if (text.startsWith("#SPB")) {
            return true;
        }
        if (text.startsWith("#SPE")) {
            long uploadMs = (nowNanos - startNanos) / 1_000_000;
            conn.sendRaw("#SPU " + uploadMs);
            long start = System.nanoTime();
            for (long sent = 0; sent < bytes; sent += FILLER.length()) {
                conn.sendRaw(FILLER);
            }
            conn.sendRaw("#SPD " + (System.nanoTime() - start) / 1_000_000);
            return true;
        }
        return false;
    }
}
