package org.vertogw.media.dtls;

/** Which side of the DTLS handshake we play; decided from the SDP setup attributes (RFC 5763 §5). */
public enum DtlsRole {
    CLIENT,
    SERVER
}
