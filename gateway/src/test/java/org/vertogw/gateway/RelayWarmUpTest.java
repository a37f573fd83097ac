package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vertogw.gateway.media.RelayWarmUp;
import org.vertogw.media.dtls.DtlsKeyType;
import org.vertogw.media.dtls.DtlsRole;
import org.vertogw.media.dtls.DtlsWarmUp;

/** A gateway with media warms its DTLS up at start, in the shapes of both legs: browsers' keys and islands'. */
class RelayWarmUpTest {

    @Test
    void theWarmUpMeetsBrowsersAndIslandsInTheRolesTheyTake() {
        assertThat(RelayWarmUp.PEERS)
                .contains(
                        new DtlsWarmUp.Peer(DtlsKeyType.ECDSA_P256, DtlsRole.SERVER),
                        new DtlsWarmUp.Peer(DtlsKeyType.RSA_2048, DtlsRole.CLIENT),
                        new DtlsWarmUp.Peer(DtlsKeyType.RSA_2048, DtlsRole.SERVER));
    }
}
