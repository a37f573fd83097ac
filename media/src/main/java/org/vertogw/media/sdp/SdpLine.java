package org.vertogw.media.sdp;

/** One {@code <type>=<value>} line (RFC 8866 §5), kept verbatim so unknown lines survive a rewrite in order. */
public record SdpLine(char type, String value) {

    public boolean isAttribute(String name) {
        return type == 'a' && (value.equals(name) || value.startsWith(name + ":"));
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
