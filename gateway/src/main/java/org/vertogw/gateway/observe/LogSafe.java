package org.vertogw.gateway.observe;

/**
 * A client-supplied string made safe for a log line: CR, LF, other control characters and Unicode line and
 * direction controls become escapes, and the length is capped, so that a login name or a callID carrying
 * {@code "\n2099-01-01 ERROR ..."} cannot forge a log line or hide one.
 */
public final class LogSafe {

    /** Characters kept from one value; the rest is counted, not written. */
    public static final int MAX = 200;

    private LogSafe() {}

    public static String text(String s) {
        if (s == null) {
            return "null";
        }
        int n = Math.min(s.length(), MAX);
        StringBuilder out = null;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean unsafe = c < 0x20
                    || c == 0x7f
                    || (c >= 0x80 && c < 0xa0)
                    || c == '\u2028'
                    || c == '\u2029'
                    || (c >= '\u202a' && c <= '\u202e')
                    || (c >= '\u2066' && c <= '\u2069')
                    || c == '\\';
            if (unsafe && out == null) {
                out = new StringBuilder(n + 16).append(s, 0, i);
            }
            if (out != null) {
                if (!unsafe) {
                    out.append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c == '\t') {
                    out.append("\\t");
                } else if (c == '\\') {
                    out.append("\\\\");
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        String safe = out == null ? s.substring(0, n) : out.toString();
        return s.length() > MAX ? safe + "...(" + s.length() + " chars)" : safe;
    }
}
