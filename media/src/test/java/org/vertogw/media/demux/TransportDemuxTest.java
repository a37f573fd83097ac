package org.vertogw.media.demux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** STUN on the shared port finds its transport by the ufrag bytes in the datagram, exactly. */
class TransportDemuxTest {

    @Test
    void aUfragIsFoundByItsBytesOnlyWhenItMatchesExactly() {
        TransportDemux<String> demux = new TransportDemux<>();
        assertThat(demux.register("abcd", "leg1")).isTrue();
        assertThat(demux.register("abcd", "leg2"))
                .as("a ufrag names one transport")
                .isFalse();
        assertThat(demux.register("wxyz", "leg2")).isTrue();
        byte[] datagram = "....abcd:peer....wxyz".getBytes(StandardCharsets.US_ASCII);
        assertThat(demux.byLocalUfrag(datagram, 4, 4)).isEqualTo("leg1");
        assertThat(demux.byLocalUfrag(datagram, 17, 4)).isEqualTo("leg2");
        assertThat(demux.byLocalUfrag(datagram, 4, 3)).isNull();
        assertThat(demux.byLocalUfrag(datagram, 4, 5)).isNull();
        demux.unregister("abcd", "leg1");
        assertThat(demux.byLocalUfrag(datagram, 4, 4)).isNull();
        assertThat(demux.transports()).isEqualTo(1);
    }
}
