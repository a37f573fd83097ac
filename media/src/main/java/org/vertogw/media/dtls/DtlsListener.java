package org.vertogw.media.dtls;

import org.vertogw.media.srtp.SrtpKeyingMaterial;

/** Outcome of a handshake, called once, on the handshake thread. */
public interface DtlsListener {

    void onConnected(SrtpKeyingMaterial keys);

    void onFailed(DtlsFailure failure, String detail);

    /** The peer ended an established association (close_notify or a fatal alert). */
    default void onClosed() {}
}
