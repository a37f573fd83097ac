package org.vertogw.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-address table of connection rates: a burst, a sustained rate, addresses apart, and a bounded table. */
class ConnectionRatesTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void anAddressHasItsBurstThenItsRate() {
        ConnectionRates rates = new ConnectionRates(2, 3, 10);
        for (int i = 0; i < 3; i++) {
            assertThat(rates.tryAccept("192.0.2.1", 0)).isTrue();
        }
        assertThat(rates.tryAccept("192.0.2.1", 0)).isFalse();
        assertThat(rates.tryAccept("192.0.2.2", 0)).as("another address").isTrue();
        assertThat(rates.tryAccept("192.0.2.1", SECOND / 2))
                .as("one token after half a second")
                .isTrue();
        assertThat(rates.tryAccept("192.0.2.1", SECOND / 2)).isFalse();
    }

    @Test
    void theTableForgetsTheAddressSeenLongestAgoAtItsBound() {
        ConnectionRates rates = new ConnectionRates(1, 1, 2);
        assertThat(rates.tryAccept("192.0.2.1", 0)).isTrue();
        assertThat(rates.tryAccept("192.0.2.2", 0)).isTrue();
        assertThat(rates.tryAccept("192.0.2.1", 0))
                .as("192.0.2.1 is the most recent now")
                .isFalse();
        assertThat(rates.tryAccept("192.0.2.3", 0)).isTrue();
        assertThat(rates.addresses()).isEqualTo(2);
        assertThat(rates.tryAccept("192.0.2.1", 0)).as("still remembered").isFalse();
        assertThat(rates.tryAccept("192.0.2.2", 0))
                .as("forgotten, so a fresh bucket")
                .isTrue();
        assertThat(rates.addresses()).isEqualTo(2);
    }
}
