package org.vertogw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.vertogw.testing.Await;
import org.vertogw.testing.Chromium;

/**
 * A conference of three browsers of one domain through two gateways (docs/protocol.md §5.5, "Embedded island"): each
 * browser's fake microphone plays its own tone from a WAV file made here; each must hear the other two tones and not
 * its own, see the three members in the liveArray roster, receive the chat, and stop hearing a member the moderator
 * mutes. The page speaks raw Verto JSON-RPC over WSS ({@code conference-member.js}), as verto.js's conference code
 * does, since the SDK has no conference object yet.
 */
class ConferenceIT extends ClusterTestBase {

    private static final double[] HZ = {450, 1000, 1700};
    /** The analyser's dB for a tone clearly heard, and the margin by which a tone not heard stays below it. */
    private static final double HEARD_DB = -70;

    private static final double MARGIN_DB = 20;

    private final List<Chromium> browsers = new ArrayList<>();

    @AfterEach
    void closeMembers() {
        browsers.forEach(Chromium::close);
    }

    /** A 16-bit mono 48 kHz WAV of ten seconds of {@code hz} (Chromium loops it). */
    private static Path tone(double hz) throws Exception {
        int rate = 48_000;
        int samples = rate * 10;
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) Math.round(9000 * Math.sin(2 * Math.PI * hz * i / rate)));
        }
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2);
        h.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1);
        h.putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        h.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(h.array());
        out.write(pcm.array());
        Path file = out("tone-" + (int) hz + ".wav");
        Files.createDirectories(file.getParent());
        Files.write(file, out.toByteArray());
        return file.toAbsolutePath();
    }

    private final class Member {
        final String login;
        final double hz;
        final Chromium browser;

        Member(int gateway, String login, double hz) throws Exception {
            this.login = login;
            this.hz = hz;
            this.browser = new Chromium(List.of("--use-file-for-fake-audio-capture=" + tone(hz)));
            browsers.add(browser);
            browser.driver().get(cluster.gatewayUrl(gateway));
        }

        /** Logs in and dials {@code destination}, audio only; returns once in the room with media arriving. */
        Member join(String destination) throws Exception {
            return join(destination, false);
        }

        /** As {@link #join(String)}, sending the fake camera's video too when {@code withVideo}. */
        Member join(String destination, boolean withVideo) throws Exception {
            String script;
            try (InputStream in = ConferenceIT.class.getResourceAsStream("/conference-member.js")) {
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            js(script, login, PASSWORD, destination, withVideo);
            Await.until(
                    login + " in the room with media arriving",
                    Duration.ofSeconds(60),
                    () -> Boolean.TRUE.equals(
                            conf("window.conf.pvt && window.conf.state === 'active' && window.conf.stats"
                                    + " && window.conf.stats.packetsReceived > 50")),
                    this::state);
            return this;
        }

        Object js(String script, Object... args) {
            return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
        }

        Object conf(String expression) {
            return js("return window.conf && (" + expression + ");");
        }

        /** dB of each test tone in what this member hears; -200 before there is anything to measure. */
        double[] levels() {
            Object r = conf("window.conf.levels([" + HZ[0] + "," + HZ[1] + "," + HZ[2] + "])");
            double[] out = {-200, -200, -200};
            if (r instanceof List<?> l) {
                for (int i = 0; i < 3; i++) {
                    out[i] = l.get(i) instanceof Number n ? n.doubleValue() : -200;
                }
            }
            return out;
        }

        double level(double tone) {
            for (int i = 0; i < 3; i++) {
                if (HZ[i] == tone) {
                    return levels()[i];
                }
            }
            throw new IllegalArgumentException("not a test tone: " + tone);
        }

        /** Video frames this member has decoded: the floor holder's video, forwarded by the room. */
        long framesDecoded() {
            return conf("window.conf.stats && window.conf.stats.framesDecoded") instanceof Number n ? n.longValue() : 0;
        }

        Object memberId() {
            return conf("window.conf.pvt.conferenceMemberID");
        }

        String state() {
            return String.valueOf(conf("window.conf.state + ' ' + (window.conf.error || '') + ' '"
                    + " + JSON.stringify(window.conf.stats || {})"));
        }
    }

    @Test
    void threeBrowsersHearEachOtherSeeTheRosterChatAndAModeratorMuteSilencesOne() throws Exception {
        // the browsers start first, then join one after another: the handshakes of a member do not compete with
        // the start of the next browser on a loaded machine
        Member alice = new Member(0, "1000@a.example", HZ[0]);
        Member bob = new Member(1, "1001@a.example", HZ[1]);
        Member carol = new Member(0, "1002@a.example", HZ[2]);
        List<Member> all = List.of(alice.join("3000-moderator"), bob.join("3000"), carol.join("3000"));
        assertThat(alice.conf("window.conf.pvt.role")).isEqualTo("moderator");
        assertThat(bob.conf("window.conf.pvt.laChannel")).isEqualTo("conference-liveArray.3000-a.example@a.example");

        for (Member m : all) {
            Await.until(
                    m.login + " hears the other two and not itself",
                    Duration.ofSeconds(40),
                    () -> {
                        double own = m.level(m.hz);
                        return all.stream().filter(o -> o != m).allMatch(o -> {
                            double other = m.level(o.hz);
                            return other > HEARD_DB && other > own + MARGIN_DB;
                        });
                    },
                    () -> java.util.Arrays.toString(m.levels()) + " " + m.conf("JSON.stringify(window.conf.stats)"));
        }

        for (Member m : all) {
            Await.until(
                    m.login + " sees three members",
                    Duration.ofSeconds(20),
                    () -> Long.valueOf(3).equals(m.conf("window.conf.rosterSize()")));
            assertThat(m.conf("window.conf.sernoGaps")).isEqualTo(0L);
        }
        assertThat(bob.conf("window.conf.unauthorized")).isInstanceOf(List.class);

        bob.js("window.conf.chat('hello from bob');");
        for (Member m : List.of(alice, carol)) {
            Await.until(
                    m.login + " gets bob's chat",
                    Duration.ofSeconds(20),
                    () -> Boolean.TRUE.equals(
                            m.conf(
                                    "window.conf.chats.some(c => c.message === 'hello from bob' && c.from === '1001@a.example')")));
        }

        Object bobId = bob.conf("window.conf.pvt.conferenceMemberID");
        alice.js("window.conf.modCommand('mute', arguments[0]);", bobId);
        Await.until(
                "the moderator's reply",
                Duration.ofSeconds(20),
                () -> Boolean.TRUE.equals(
                        alice.conf(
                                "window.conf.modReplies.some(r => r['conf-command'] === 'mute' && r.response.startsWith('OK'))")));
        Await.until(
                "carol's roster shows bob muted",
                Duration.ofSeconds(20),
                () -> String.valueOf(carol.conf("window.conf.mutedIds()"))
                        .contains(String.format("%04d", Integer.parseInt(String.valueOf(bobId)))));
        for (Member m : List.of(alice, carol)) {
            Member other = m == alice ? carol : alice;
            Await.until(
                    m.login + " no longer hears bob, and still hears " + other.login,
                    Duration.ofSeconds(30),
                    () -> m.level(other.hz) > HEARD_DB && m.level(bob.hz) < m.level(other.hz) - MARGIN_DB,
                    () -> java.util.Arrays.toString(m.levels()));
        }
    }

    /**
     * Video in a room is the floor holder's, forwarded to the others with a key-frame request on every floor change
     * (FreeSWITCH's passthrough mode): when the moderator gives the floor to one member, the other decodes its
     * video, and then the other way round. A caller of another domain dialling the same number is in its own room.
     * Room 3001, so that members of the other test's room who are still detached there do not count.
     */
    @Test
    void theFloorHoldersVideoReachesTheOtherAndAnotherDomainHasItsOwnRoom() throws Exception {
        Member alice = new Member(0, "1000@a.example", HZ[0]);
        Member bob = new Member(1, "1001@a.example", HZ[1]);
        Member dave = new Member(1, "1000@b.example", HZ[2]);
        alice.join("3001-moderator", true);
        bob.join("3001", true);

        giveFloor(alice, alice, bob, "bob decodes alice's video, the floor holder's");
        giveFloor(alice, bob, alice, "alice decodes bob's video once he holds the floor");

        dave.join("3001");
        assertThat(dave.conf("window.conf.pvt.laChannel")).isEqualTo("conference-liveArray.3001-b.example@b.example");
        Await.until(
                "dave sees his own room's roster",
                Duration.ofSeconds(20),
                () -> Long.valueOf(1).equals(dave.conf("window.conf.rosterSize()")));
        for (Member m : List.of(alice, bob)) {
            Await.until(
                    m.login + " sees two members",
                    Duration.ofSeconds(20),
                    () -> Long.valueOf(2).equals(m.conf("window.conf.rosterSize()")),
                    () -> String.valueOf(m.conf("JSON.stringify(window.conf.roster)")));
        }
        assertThat(dave.level(HZ[0]))
                .as("dave hears nothing of a.example's room")
                .isLessThan(HEARD_DB);
    }

    /** The moderator gives the video floor to {@code holder}; {@code viewer} then decodes 30 more frames. */
    private static void giveFloor(Member moderator, Member holder, Member viewer, String what) throws Exception {
        moderator.js("window.conf.modCommand('vid-floor', arguments[0], 'force');", holder.memberId());
        long before = viewer.framesDecoded();
        Await.until(what, Duration.ofSeconds(40), () -> viewer.framesDecoded() > before + 30, viewer::state);
    }
}
