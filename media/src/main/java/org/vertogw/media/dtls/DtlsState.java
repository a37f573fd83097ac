package org.vertogw.media.dtls;

/** Lifecycle of one DTLS association (the RTCDtlsTransportState names). */
public enum DtlsState {
    NEW,
    CONNECTING,
    CONNECTED,
    FAILED,
    CLOSED
}
