package org.vertogw.island;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.inviteParams;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.UUID;
import org.vertogw.island.media.conference.AudioMix;
import org.vertogw.island.media.conference.OpusFrames;
import org.vertogw.island.media.conference.Tones;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.rtp.RtpHeader;
import org.vertogw.testing.VertoTestClient;

/**
 * A conference member for tests: a Verto session and a real WebRTC endpoint that sends a continuous Opus-encoded
 * tone under its own sequence numbers and timestamps, and decodes what it hears into a window the Goertzel filter
 * reads.
 */
final class ConferencePhone implements AutoCloseable {

    /** The window measured: 200 ms, a whole number of cycles of every test tone (multiples of 5 Hz). */
    static final int WINDOW = 9600;

    final String login;
    final String sessid = UUID.randomUUID().toString();
    final String callId = UUID.randomUUID().toString();
    final VertoTestClient client;
    final WebRtcEndpoint endpoint;
    final double hz;
    JsonNode pvtData;
    private final OpusFrames tx = new OpusFrames();
    private final OpusFrames rx = new OpusFrames();
    private final short[] frame = new short[AudioMix.FRAME];
    private final short[] heard = new short[WINDOW];
    private final byte[] packet = new byte[RtpHeader.FIXED_LENGTH + OpusFrames.MAX_PACKET];
    private int heardPos;
    private long framesHeard;
    private long sent;
    private int videoSent;
    final java.util.concurrent.atomic.AtomicInteger videoHeard = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger plis = new java.util.concurrent.atomic.AtomicInteger();

    ConferencePhone(URI island, MediaEngine engine, String login, double hz) throws Exception {
        this.login = login;
        this.hz = hz;
        this.client = VertoTestClient.connect(island);
        assertThat(client.call("login", loginParams(login, "1234", sessid))
                        .path("result")
                        .path("message")
                        .asText())
                .isEqualTo("logged in");
        client.awaitRequest("verto.clientReady");
        this.endpoint = WebRtcEndpoint.open(engine, login);
        endpoint.onRtp(this::received);
    }

    /** Dials {@code destination}; returns the island's reply to the invite. */
    JsonNode dial(String destination) throws Exception {
        return dial(destination, false);
    }

    /** Dials {@code destination}, offering a VP8 video section too when {@code video}. */
    JsonNode dial(String destination, boolean video) throws Exception {
        ObjectNode invite = inviteParams(callId, destination, sessid, endpoint.offer(video));
        ((ObjectNode) invite.get("dialogParams")).put("caller_id_name", login.substring(0, 4) + " name");
        ((ObjectNode) invite.get("dialogParams")).put("caller_id_number", login.substring(0, 4));
        return client.call("verto.invite", invite);
    }

    /** Waits for the answer and the conference's pvtData. */
    void joined() throws Exception {
        JsonNode answer = client.awaitRequest("verto.answer", callId);
        endpoint.applyAnswer(answer.path("params").path("sdp").asText());
        pvtData = client.await(
                        m -> "conference-liveArray-join"
                                .equals(m.path("params")
                                        .path("pvtData")
                                        .path("action")
                                        .asText()),
                        "pvtData of " + login)
                .path("params")
                .path("pvtData");
    }

    String channel(String name) {
        return pvtData.path(name).asText();
    }

    int memberId() {
        return Integer.parseInt(pvtData.path("conferenceMemberID").asText());
    }

    /** Sends the next 20 ms of the tone. */
    void sendFrame() {
        long n = sent++;
        int len = tx.encode(Tones.frame(hz, 8000, n), packet, RtpHeader.FIXED_LENGTH);
        packet[0] = (byte) 0x80;
        packet[1] = 111;
        RtpHeader.setSequenceNumber(packet, 0, (int) (n & 0xFFFF));
        RtpHeader.setTimestamp(packet, 0, n * AudioMix.FRAME);
        endpoint.sendRtp(packet, 0, RtpHeader.FIXED_LENGTH + len);
    }

    /** Sends a video packet (an opaque payload: the room forwards video without decoding it). */
    void sendVideo() {
        byte[] v = new byte[RtpHeader.FIXED_LENGTH + 200];
        v[0] = (byte) 0x80;
        v[1] = 96;
        int n = videoSent++;
        RtpHeader.setSequenceNumber(v, 0, n & 0xFFFF);
        RtpHeader.setTimestamp(v, 0, n * 3000L);
        endpoint.sendRtp(1, v, 0, v.length);
    }

    private void received(int mediaIndex, boolean rtcp, byte[] b, int off, int len) {
        if (mediaIndex == 1) {
            if (!rtcp) {
                videoHeard.incrementAndGet();
            } else if ((b[off + 1] & 0xFF) == 206 && (b[off] & 0x1F) == 1) {
                plis.incrementAndGet(); // RFC 4585 §6.3.1 Picture Loss Indication
            }
            return;
        }
        int h = RtpHeader.headerLength(b, off, len);
        if (rtcp || mediaIndex != 0 || h < 0) {
            return;
        }
        short[] pcm = rx.decode(b, off + h, len - h, frame);
        if (pcm == null) {
            return;
        }
        synchronized (heard) {
            for (short s : pcm) {
                heard[heardPos] = s;
                heardPos = (heardPos + 1) % WINDOW;
            }
            framesHeard++;
        }
    }

    long framesHeard() {
        synchronized (heard) {
            return framesHeard;
        }
    }

    /** Goertzel power of {@code tone} in the last 200 ms heard. */
    double hears(double tone) {
        short[] copy = new short[WINDOW];
        synchronized (heard) {
            for (int i = 0; i < WINDOW; i++) {
                copy[i] = heard[(heardPos + i) % WINDOW];
            }
        }
        return Tones.power(copy, 0, WINDOW, tone);
    }

    @Override
    public void close() throws Exception {
        client.close();
        endpoint.close();
    }
}
