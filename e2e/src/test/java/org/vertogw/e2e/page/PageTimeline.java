package org.vertogw.e2e.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A page's failover timeline, recorded in the page itself by {@code media-timeline.js}: sockets, Verto methods, peer
 * connection states and, once {@link #arm() armed}, the moments received audio starts again, each with the page's
 * wall clock, so that a test measures the product and not its own polling.
 */
public final class PageTimeline {

    private final ChromeDriver driver;

    PageTimeline(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Installs the recorder for the page's next load. */
    void install() {
        try (InputStream in = PageTimeline.class.getResourceAsStream("/media-timeline.js")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts sampling received audio in the page every 10 ms. */
    public void arm() {
        driver.executeScript("window.__timeline.arm();");
    }

    /** The events from {@code sinceEpochMs} on, in order. */
    public List<Event> since(long sinceEpochMs) {
        List<?> raw = (List<?>) driver.executeScript("return window.__timeline ? window.__timeline.events : [];");
        List<Event> out = new ArrayList<>();
        for (Object o : raw) {
            List<?> e = (List<?>) o;
            long at = ((Number) e.get(0)).longValue();
            if (at >= sinceEpochMs) {
                out.add(new Event(at, String.valueOf(e.get(1))));
            }
        }
        return out;
    }

    /** One event: when (the page's epoch milliseconds) and what. */
    public record Event(long epochMs, String what) {}
}
