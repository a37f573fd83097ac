package org.vertogw.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertogw.media.demux.PacketClassifier;
import org.vertogw.media.demux.PacketKind;
import org.vertogw.media.demux.TransportDemux;
import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.stun.StunDecodeException;
import org.vertogw.media.stun.StunMessage;
import org.vertogw.media.stun.StunMessageWriter;
import org.vertogw.media.transport.BrowserPort;

/**
 * Any datagram on the shared browser port (RFC 7983 §7, RFC 8445 §7.3): the port classifies it, reads a STUN
 * USERNAME in place and routes or counts it as a discard, never throwing; a datagram matching no leg is always
 * counted. The ufrag look-up finds a registered leg exactly when USERNAME's part before the first colon (all of
 * it without one) is its ufrag.
 */
class DemuxFuzzTest {

    private static final InetSocketAddress FROM = new InetSocketAddress("127.0.0.1", 50000);
    private static final BrowserPort PORT = new BrowserPort();
    private static final TransportDemux<String> DEMUX = new TransportDemux<>();

    static {
        DEMUX.register("gw01", "leg");
    }

    static Stream<Arguments> datagrams() {
        StunMessageWriter check = StunMessageWriter.request(0x001).username("gw01:browser");
        check.finish();
        byte[] rtp = new byte[40];
        rtp[0] = (byte) 0x80;
        rtp[1] = 111;
        byte[] rtcp = new byte[28];
        rtcp[0] = (byte) 0x80;
        rtcp[1] = (byte) 200;
        byte[] dtls = new byte[25];
        dtls[0] = 22;
        dtls[1] = (byte) 0xFE;
        dtls[2] = (byte) 0xFD;
        return Stream.of(Seeds.bytes(check.toBytes()), Seeds.bytes(rtp), Seeds.bytes(rtcp), Seeds.bytes(dtls));
    }

    @MethodSource("datagrams")
    @FuzzTest
    void route(byte[] input) {
        byte[] datagram =
                input.length > PacketBuffer.MAX_DATAGRAM ? Arrays.copyOf(input, PacketBuffer.MAX_DATAGRAM) : input;
        PacketBuffer p = new PacketBuffer();
        p.set(datagram, 0, datagram.length);
        long before = PORT.unmatched().discardedTotal();
        PORT.onDatagram(null, p, FROM);
        assertThat(PORT.unmatched().discardedTotal()).isEqualTo(before + 1);

        PacketKind kind = PacketClassifier.classify(datagram, 0, datagram.length);
        if (kind != PacketKind.STUN) {
            return;
        }
        StunMessage m;
        try {
            m = StunMessage.decode(datagram, 0, datagram.length);
        } catch (StunDecodeException e) {
            return;
        }
        int ufrag = m.usernameLocalOffset();
        String found = ufrag < 0 ? null : DEMUX.byLocalUfrag(m.array(), ufrag, m.usernameLocalLength());
        String username = m.username();
        int colon = username == null ? -1 : username.indexOf(':');
        boolean named = username != null && (colon < 0 ? username : username.substring(0, colon)).equals("gw01");
        assertThat(found != null).isEqualTo(named);
    }
}
