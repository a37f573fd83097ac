package org.vertogw.gateway.media;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.vertogw.media.dtls.DtlsKeyType;
import org.vertogw.media.dtls.DtlsRole;
import org.vertogw.media.dtls.DtlsWarmUp;
import org.vertogw.media.dtls.DtlsWarmUp.Peer;

/**
 * The DTLS warm-up of a gateway's relay ({@link DtlsWarmUp}) in the shapes of its two legs' handshakes. A gateway
 * takes over the calls of one that died (docs/architecture.md, "Failure and recovery"): each re-attached call needs
 * both legs' handshakes at once, and RSA signature checks left cold cost the island leg several hundred milliseconds
 * on a busy host.
 */
public final class RelayWarmUp {

    /**
     * A browser's ECDSA P-256 client against the gateway as server (the gateway answers {@code passive}, and a browser
     * answers its offers {@code active}); the island's RSA-2048 key (FreeSWITCH's own {@code dtls-srtp.pem}) with the
     * gateway as client (the island offered {@code actpass}) and as server (the gateway offered).
     */
    public static final List<Peer> PEERS = List.of(
            new Peer(DtlsKeyType.ECDSA_P256, DtlsRole.SERVER),
            new Peer(DtlsKeyType.RSA_2048, DtlsRole.CLIENT),
            new Peer(DtlsKeyType.RSA_2048, DtlsRole.SERVER));

    private RelayWarmUp() {}

    /** Starts the warm-up with the gateway's own key; completes with how many handshakes completed. */
    public static CompletableFuture<Integer> start(DtlsKeyType ownKey) {
        return DtlsWarmUp.start(ownKey, PEERS, DtlsWarmUp.DEFAULT_HANDSHAKES);
    }
}
