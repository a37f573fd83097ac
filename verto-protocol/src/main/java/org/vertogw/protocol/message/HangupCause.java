package org.vertogw.protocol.message;

/**
 * FreeSWITCH hangup causes as they travel in {@code verto.bye} ({@code cause} name, {@code causeCode} number,
 * mostly Q.850). A bye names its cause; an unknown or missing one reads as {@link #NORMAL_CLEARING} (docs/protocol.md §4.5).
 */
public enum HangupCause {
    UNALLOCATED_NUMBER(1),
    NO_ROUTE_DESTINATION(3),
    NORMAL_CLEARING(16),
    USER_BUSY(17),
    NO_USER_RESPONSE(18),
    NO_ANSWER(19),
    SUBSCRIBER_ABSENT(20),
    CALL_REJECTED(21),
    DESTINATION_OUT_OF_ORDER(27),
    NORMAL_UNSPECIFIED(31),
    NORMAL_TEMPORARY_FAILURE(41),
    BEARERCAPABILITY_NOTAUTH(57),
    BEARERCAPABILITY_NOTAVAIL(58),
    INCOMPATIBLE_DESTINATION(88),
    RECOVERY_ON_TIMER_EXPIRE(102),
    ORIGINATOR_CANCEL(487),
    LOSE_RACE(502),
    MEDIA_TIMEOUT(604),
    USER_NOT_REGISTERED(606);

    private final int code;

    HangupCause(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** {@code cause} wins if it is a known name, else a known {@code causeCode}, else NORMAL_CLEARING (docs/protocol.md §4.5). */
    public static HangupCause of(String cause, Integer causeCode) {
        if (cause != null) {
            for (HangupCause c : values()) {
                if (c.name().equals(cause)) {
                    return c;
                }
            }
        }
        if (causeCode != null) {
            for (HangupCause c : values()) {
                if (c.code == causeCode) {
                    return c;
                }
            }
        }
        return NORMAL_CLEARING;
    }
}
