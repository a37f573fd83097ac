package org.vertogw.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.gateway.edge.ConnectionRates.Verdict.ACCEPT;
import static org.vertogw.gateway.edge.ConnectionRates.Verdict.REFUSE;
import static org.vertogw.gateway.edge.ConnectionRates.Verdict.REFUSE_AND_WARN;

import org.junit.jupiter.api.Test;

/** The per-address table of connection rates: a burst, a sustained rate, addresses apart, and a bounded table. */
class ConnectionRatesTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void anAddressHasItsBurstThenItsRate() {
        ConnectionRates rates = new ConnectionRates(2, 3, 10);
        for (int i = 0; i < 3; i++) {
            assertThat(rates.admit("192.0.2.1", 0)).isEqualTo(ACCEPT);
        }
        assertThat(rates.admit("192.0.2.1", 0)).isNotEqualTo(ACCEPT);
        assertThat(rates.admit("192.0.2.2", 0)).as("another address").isEqualTo(ACCEPT);
        assertThat(rates.admit("192.0.2.1", SECOND / 2))
                .as("one token after half a second")
                .isEqualTo(ACCEPT);
        assertThat(rates.admit("192.0.2.1", SECOND / 2)).isNotEqualTo(ACCEPT);
    }

    @Test
    void theTableForgetsTheAddressSeenLongestAgoAtItsBound() {
        ConnectionRates rates = new ConnectionRates(1, 1, 2);
        assertThat(rates.admit("192.0.2.1", 0)).isEqualTo(ACCEPT);
        assertThat(rates.admit("192.0.2.2", 0)).isEqualTo(ACCEPT);
        assertThat(rates.admit("192.0.2.1", 0))
                .as("192.0.2.1 is the most recent now")
                .isNotEqualTo(ACCEPT);
        assertThat(rates.admit("192.0.2.3", 0)).isEqualTo(ACCEPT);
        assertThat(rates.addresses()).isEqualTo(2);
        assertThat(rates.admit("192.0.2.1", 0)).as("still remembered").isNotEqualTo(ACCEPT);
        assertThat(rates.admit("192.0.2.2", 0))
                .as("forgotten, so a fresh bucket")
                .isEqualTo(ACCEPT);
        assertThat(rates.addresses()).isEqualTo(2);
    }

    @Test
    void anAddressOverItsRateIsWorthOneLogLineAMinute() {
        ConnectionRates rates = new ConnectionRates(0.001, 1, 10);
        assertThat(rates.admit("192.0.2.1", 0)).isEqualTo(ACCEPT);
        assertThat(rates.admit("192.0.2.1", 0)).isEqualTo(REFUSE_AND_WARN);
        assertThat(rates.admit("192.0.2.1", 30 * SECOND)).isEqualTo(REFUSE);
        assertThat(rates.admit("192.0.2.1", 60 * SECOND)).isEqualTo(REFUSE_AND_WARN);
    }
}
