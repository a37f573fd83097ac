package org.vertogw.media.dtls;

import java.util.Locale;

/**
 * The SDP {@code a=setup} attribute (RFC 4145 §4, RFC 5763 §5): the offerer says actpass, the answerer picks active
 * (it will be the DTLS client) or passive (server).
 */
public enum DtlsSetup {
    ACTIVE,
    PASSIVE,
    ACTPASS,
    HOLDCONN;

    public static DtlsSetup parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String sdpValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Our setup when answering an offer with this setup. RFC 5763 §5 recommends active, but a gateway that answers
     * a browser chooses passive so the browser is the DTLS client (its ClientHello then follows its own ICE checks).
     */
    public DtlsSetup answer(boolean preferPassive) {
        return switch (this) {
            case ACTIVE -> PASSIVE;
            case PASSIVE -> ACTIVE;
            case ACTPASS, HOLDCONN -> preferPassive ? PASSIVE : ACTIVE;
        };
    }

    /** Our DTLS role once our own setup is known: active connects (client), passive accepts (server). */
    public DtlsRole localRole() {
        return this == ACTIVE ? DtlsRole.CLIENT : DtlsRole.SERVER;
    }

    /** Our role as offerer (actpass) once the answer's setup is known. */
    public static DtlsRole offererRole(DtlsSetup answerSetup) {
        return answerSetup == ACTIVE ? DtlsRole.SERVER : DtlsRole.CLIENT;
    }

    /** The setup that keeps an established role, as a re-offer or re-answer must (RFC 5763 §5). */
    public static DtlsSetup of(DtlsRole role) {
        return role == DtlsRole.CLIENT ? ACTIVE : PASSIVE;
    }
}
