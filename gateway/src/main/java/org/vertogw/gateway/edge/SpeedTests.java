package org.vertogw.gateway.edge;

/**
 * The {@code #SP*} speed-test side channel of a logged-in session (docs/protocol.md §1.8), passed through within
 * its budget: one test at a time, at most {@code limits.speedTestBytesPerMinute} of upload and download. A test
 * announces its size ({@code #SPU <bytes>}, at most mod_verto's 10 MiB) and the island sends about as much back,
 * so the announced size is charged twice when the test starts; a client over the budget, or starting a second test
 * while one runs, is closed (1008). The session's thread only.
 */
final class SpeedTests {

    /** mod_verto's largest test. */
    static final long MAX_TEST_BYTES = 10L << 20;

    private final ClientSession session;
    private final TokenBucket budget;
    private final boolean enabled;
    private boolean running;

    SpeedTests(ClientSession session, long bytesPerMinute) {
        this.session = session;
        this.enabled = bytesPerMinute > 0;
        long perMinute = Math.max(1, bytesPerMinute);
        this.budget = new TokenBucket(perMinute / 60.0, perMinute, System.nanoTime());
    }

    /** A {@code #...} frame from the browser. */
    void fromBrowser(String text) {
        if (session.state() != ClientSessionState.LOGGED_IN || session.link.current() == null) {
            // mod_verto drops a connection that starts the speed test before authenticating (§1.8)
            session.closeBrowser(CloseReason.SPEEDTEST_UNAUTHENTICATED);
            session.end("speed test before authentication");
            return;
        }
        if (text.startsWith("#SPU")) {
            long size = size(text);
            if (!enabled || running || size < 0 || !budget.tryAcquire(2.0 * size, System.nanoTime())) {
                session.closeBrowser(CloseReason.SPEEDTEST_BUDGET);
                session.end("speed test budget exceeded");
                return;
            }
            running = true;
        } else if (!running) {
            session.closeBrowser(CloseReason.SPEEDTEST_BUDGET);
            session.end("speed test frame outside a test");
            return;
        }
        session.link.send(text);
    }

    /** A {@code #...} frame from the island: relayed; {@code #SPD} ends the test. */
    void fromIsland(String text) {
        if (text.startsWith("#SPD")) {
            running = false;
        }
        session.sendRaw(text);
    }

    /** The size a {@code #SPU <bytes>} announces, or -1 when it is not a size mod_verto would run. */
    static long size(String text) {
        String arg = text.substring(4).trim();
        try {
            long n = Long.parseLong(arg);
            return n >= 0 && n <= MAX_TEST_BYTES ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
