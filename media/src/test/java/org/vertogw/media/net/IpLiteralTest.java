package org.vertogw.media.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses in SDP are read as literals or not at all: a name there never reaches a resolver. */
class IpLiteralTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "2001:db8::7", "::ffff:10.0.0.1"})
    void literalsAreRead(String text) {
        InetSocketAddress a = IpLiteral.socketAddress(text, 5000);
        assertThat(a).isNotNull();
        assertThat(a.isUnresolved()).isFalse();
        assertThat(a.getPort()).isEqualTo(5000);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "localhost",
                "fs-01.example",
                "abc",
                "1.2.3",
                "1.2.3.4.5",
                "999.1.1.1",
                "01.2.3.4",
                "1..2.3",
                "0x7f.0.0.1",
                "fe80::1%eth0",
                "[::1]",
                "::g",
                "4a5b1c2d-1e2f-4a5b-8c9d-0e1f2a3b4c5d.local"
            })
    void anythingElseIsNotAnAddress(String text) {
        assertThat(IpLiteral.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536, Integer.MAX_VALUE})
    void aPortOutOfRangeIsNoAddress(int port) {
        assertThat(IpLiteral.socketAddress("127.0.0.1", port)).isNull();
    }
}
