package org.vertogw.e2e.page;

import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vertogw.testing.Chromium;

/**
 * The demo softphone as a user sees it: forms and buttons by their {@code data-testid}, and the page's read-only
 * {@code window.softphone} view (state, island, gateway, call, stats) for what a user would read off the screen.
 */
public final class SoftphonePage {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Chromium browser;
    private final ChromeDriver driver;
    private final PageTimeline timeline;

    public SoftphonePage(Chromium browser) {
        this.browser = browser;
        this.driver = browser.driver();
        this.timeline = new PageTimeline(driver);
    }

    public SoftphonePage open(String url) {
        driver.get(url);
        awaitTrue("the page script", () -> Boolean.TRUE.equals(js("return !!window.softphone;")));
        return this;
    }

    /** Records this page's failover timeline ({@link PageTimeline}) from its next load on. */
    public SoftphonePage withTimeline() {
        timeline.install();
        return this;
    }

    public PageTimeline timeline() {
        return timeline;
    }

    public SoftphonePage reload() {
        driver.navigate().refresh();
        awaitTrue("the page script", () -> Boolean.TRUE.equals(js("return !!window.softphone;")));
        return this;
    }

    /**
     * Allows the page to read a partition map ({@code ?map=}) from {@code origin} in this browser, as a person would in
     * the console, and reloads: a link alone cannot make the page use another origin's map.
     */
    public SoftphonePage allowMapOrigin(String origin) {
        js("localStorage.setItem('vertoDemo.mapOrigins', arguments[0]);", origin);
        return reload();
    }

    public SoftphonePage login(String user, String password) {
        type("login-user", user);
        type("login-password", password);
        byTestId("login-submit").click();
        return this;
    }

    /**
     * Types into a field until it holds exactly {@code text}: the page fills an empty login form with a demo user
     * when its demo information arrives, which can land between clearing the field and typing into it.
     */
    private void type(String testId, String text) {
        awaitTrue("the field " + testId + " to hold what was typed", () -> {
            WebElement field = byTestId(testId);
            field.clear();
            field.sendKeys(text);
            return text.equals(field.getAttribute("value"));
        });
    }

    /** Waits until the client is logged in and returns the island it landed on. */
    public String awaitReady() {
        awaitTrue("logged in", () -> "ready".equals(state()));
        return island();
    }

    public String state() {
        return (String) js("return window.softphone.state;");
    }

    public String island() {
        return (String) js("return window.softphone.island;");
    }

    public String gateway() {
        return (String) js("return window.softphone.gateway;");
    }

    public String sessid() {
        return (String) js("return window.softphone.sessid;");
    }

    public long reconnectAttempt() {
        return ((Number) js("return window.softphone.reconnectAttempt;")).longValue();
    }

    /** The error the page shows (login or phone view), or an empty string. */
    public String errorText() {
        for (String id : new String[] {"login-error", "error-message"}) {
            WebElement e = byTestId(id);
            if (e.isDisplayed() && !e.getText().isBlank()) {
                return e.getText();
            }
        }
        return "";
    }

    public String awaitError() {
        awaitTrue("an error on the page", () -> !errorText().isEmpty());
        return errorText();
    }

    public boolean reconnectBannerVisible() {
        return byTestId("reconnect-banner").isDisplayed();
    }

    /** The reconnecting banner's text while it shows (attempt and reason), else an empty string. */
    public String reconnectBannerText() {
        WebElement banner = byTestId("reconnect-banner");
        return banner.isDisplayed() ? banner.getText() : "";
    }

    public SoftphonePage dial(String number) {
        return typeAndPress("dial-input", number, "call-button");
    }

    /** Places a video call with the dial pad's Video button. */
    public SoftphonePage videoDial(String number) {
        return typeAndPress("dial-input", number, "video-call-button");
    }

    public SoftphonePage toggleCamera() {
        byTestId("camera-button").click();
        return this;
    }

    /** True while the call's camera sends, as the page's view says. */
    public boolean cameraOn() {
        return Boolean.TRUE.equals(js("return !!(window.softphone.call && window.softphone.call.cameraOn);"));
    }

    public void awaitCamera(boolean on) {
        awaitTrue("the camera " + (on ? "on" : "off"), () -> cameraOn() == on);
    }

    /** Waits until the local preview tile shows a picture (a live camera track, decoded frames). */
    public void awaitLocalPreview() {
        awaitTrue(
                "the local preview playing",
                () -> Boolean.TRUE.equals(js("const v = document.getElementById('local-video');"
                        + " const s = v.srcObject; return !!s && s.getVideoTracks().some(t => t.readyState === 'live')"
                        + " && v.videoWidth > 0 && getComputedStyle(v).display !== 'none';")));
    }

    /** True when the preview tile is hidden (no camera). */
    public boolean localPreviewHidden() {
        return Boolean.TRUE.equals(
                js("return getComputedStyle(document.getElementById('local-video')).display === 'none';"));
    }

    /**
     * Keeps the page's peer connections in {@code window.__peers} (the SDK takes the platform's RTCPeerConnection when it
     * opens a call), so that a test can read the negotiated SDP; call it before dialling.
     */
    public SoftphonePage recordPeerConnections() {
        js(
                "if (window.__peers) return; const P = window.RTCPeerConnection; window.__peers = [];"
                        + " window.RTCPeerConnection = class extends P { constructor(c) { super(c); window.__peers.push(this); } };");
        return this;
    }

    /** The m= lines of the last call's remote description, e.g. {@code ["audio 9 ...", "video 0 ..."]}. */
    public java.util.List<?> remoteMediaLines() {
        return (java.util.List<?>)
                js(
                        "const pc = (window.__peers || []).slice(-1)[0]; if (!pc || !pc.remoteDescription) return [];"
                                + " return pc.remoteDescription.sdp.split(/\\r\\n/).filter(l => l.startsWith('m=')).map(l => l.slice(2));");
    }

    public SoftphonePage answer() {
        awaitTrue("an incoming call", () -> byTestId("answer-button").isDisplayed());
        byTestId("answer-button").click();
        return this;
    }

    public SoftphonePage hangup() {
        byTestId("hangup-button").click();
        return this;
    }

    public SoftphonePage toggleHold() {
        byTestId("hold-button").click();
        return this;
    }

    public SoftphonePage toggleMute() {
        byTestId("mute-button").click();
        return this;
    }

    /** The call's state in the SDK (e.g. ringing, active), or null when there is none. */
    public String callState() {
        return (String) js("return window.softphone.call ? window.softphone.call.state : null;");
    }

    public void awaitCallState(String state) {
        awaitTrue("call " + state, () -> state.equals(callState()));
    }

    public void awaitNoCall() {
        awaitTrue("no call", () -> {
            String s = callState();
            return s == null || s.equals("ended") || s.equals("hangup") || s.equals("destroy");
        });
    }

    /** {@code {packetsReceived, packetsSent, audioLevel, bytesReceived}} from the call's getStats. */
    public Map<?, ?> stats() {
        Object r = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const cb = arguments[arguments.length - 1];"
                                + "window.softphone.stats().then(cb, e => cb({packetsReceived: 0, packetsSent: 0, audioLevel: 0, error: '' + e}));");
        return (Map<?, ?>) r;
    }

    public long packetsReceived() {
        return ((Number) stats().get("packetsReceived")).longValue();
    }

    /** Waits until packets arrive and the remote audio level is above zero; returns the stats. */
    public Map<?, ?> awaitAudio() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<?, ?> last = null;
        while (System.nanoTime() < deadline) {
            last = stats();
            if (num(last, "packetsReceived") > 25 && num(last, "audioLevel") > 0) {
                return last;
            }
            pause(200);
        }
        throw new AssertionError("no audio on the page: " + last);
    }

    /** Waits until the number of received packets grows between two readings: media flows now. */
    public void awaitMediaFlowing(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        long before = -1;
        while (System.nanoTime() < deadline) {
            long now = (long) num(stats(), "packetsReceived");
            if (before >= 0 && now > before) {
                return;
            }
            before = now;
            pause(50);
        }
        throw new AssertionError("media did not flow within " + within);
    }

    /**
     * After a reconnect: waits until the call is active again on a peer connection that receives packets (a
     * re-attached call has a new one, whose counters start from zero).
     */
    public void awaitMediaFlowingAfterRecovery(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        awaitTrue("the call back", () -> "active".equals(callState()) && "ready".equals(state()));
        awaitMediaFlowing(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    }

    /**
     * Waits until the conference panel shows {@code count} members and returns their roster lines, in the page's
     * order.
     */
    public java.util.List<String> awaitConferenceMembers(int count) {
        awaitTrue(
                "the conference panel with " + count + " members",
                () -> Boolean.TRUE.equals(js(
                        "const p = document.getElementById('conference-panel');"
                                + "return !p.hidden && p.querySelectorAll('#roster li').length === arguments[0];",
                        count)));
        // one script reads every line: the panel redraws the roster on each change (talking included)
        return ((java.util.List<?>)
                        js("return [...document.querySelectorAll('#roster li')].map(li => li.textContent);"))
                .stream().map(String::valueOf).toList();
    }

    public String conferenceRoom() {
        return byTestId("conference-room").getAttribute("textContent");
    }

    public SoftphonePage sendConferenceChat(String text) {
        return typeAndPress("conference-chat-input", text, "conference-chat-send");
    }

    /** Waits until the conference chat log has a line containing {@code text} and returns that line. */
    public String awaitConferenceChat(String text) {
        String script = "return [...document.querySelectorAll('#conference-chat-log li')]"
                + ".map(li => li.textContent).find(t => t.includes(arguments[0])) || null;";
        awaitTrue("the conference chat line " + text, () -> js(script, text) != null);
        return String.valueOf(js(script, text));
    }

    /** Scrolls the conference panel into view, for a screenshot of it. */
    public void showConference() {
        js("document.getElementById('conference-panel').scrollIntoView({block: 'center'});");
    }

    public Chromium browser() {
        return browser;
    }

    /** Types {@code text} into the emptied field {@code inputId}, then presses the button {@code buttonId}. */
    private SoftphonePage typeAndPress(String inputId, String text, String buttonId) {
        WebElement input = byTestId(inputId);
        input.clear();
        input.sendKeys(text);
        byTestId(buttonId).click();
        return this;
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private WebElement byTestId(String id) {
        return driver.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    private static double num(Map<?, ?> m, String k) {
        Object v = m.get(k);
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    private void awaitTrue(String what, java.util.function.BooleanSupplier condition) {
        try {
            awaitTrue(what, condition, WAIT);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; page: " + diagnostics(), e);
        }
    }

    /** What the page shows, for a failure message: state, island, gateway, error, the activity log. */
    public String diagnostics() {
        try {
            return "state=" + state() + " island=" + island() + " gateway=" + gateway() + " call=" + callState()
                    + " error=\"" + errorText() + "\" log="
                    + byTestId("activity-log").getAttribute("textContent")
                    + " url=" + driver.getCurrentUrl();
        } catch (RuntimeException e) {
            return "(page unreadable: " + e + ")";
        }
    }

    public static void awaitTrue(String what, java.util.function.BooleanSupplier condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            pause(50);
        }
        throw new AssertionError("timed out waiting for " + what + (last == null ? "" : ": " + last));
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
