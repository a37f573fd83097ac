package org.vertogw.media.sdp;

/** One {@code <type>=<value>} line (RFC 8866 §5), kept verbatim so unknown lines survive a rewrite in order. */
public record SdpLine(char type, String value) {

    /**
     * Whether this is {@code a=name} or {@code a=name:...}, the name compared without case: parsers differ on case,
     * and a peer's {@code a=CANDIDATE:} must not slip past a rewrite that removes candidates.
     */
    public boolean isAttribute(String name) {
        int n = name.length();
        return type == 'a'
                && value.regionMatches(true, 0, name, 0, n)
                && (value.length() == n || value.charAt(n) == ':');
    }

    /** The part after {@code name:} of an attribute line, or "" for a flag attribute. */
    public String attributeValue() {
        int colon = value.indexOf(':');
        return colon < 0 ? "" : value.substring(colon + 1);
    }

    @Override
    public String toString() {
        return type + "=" + value;
    }
}
