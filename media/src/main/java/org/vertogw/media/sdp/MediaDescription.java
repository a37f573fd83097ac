package org.vertogw.media.sdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One media section (RFC 8866 §5.14): its m= line and everything up to the next m= line. */
public final class MediaDescription extends SdpSection {

    MediaDescription(List<SdpLine> lines) {
        super(lines);
    }

    private String[] mField() {
        return lines.get(0).value().split(" ");
    }

    public String media() {
        return mField()[0];
    }

    public int port() {
        return Integer.parseInt(mField()[1].split("/")[0]);
    }

    public String proto() {
        return mField()[2];
    }

    public List<String> formats() {
        String[] m = mField();
        return List.of(Arrays.copyOfRange(m, 3, m.length));
    }

    /** A port of zero rejects (or disables) the section (RFC 3264 §6). */
    public boolean isRejected() {
        return port() == 0;
    }

    public void setPort(int port) {
        String[] m = mField();
        m[1] = Integer.toString(port);
        lines.set(0, new SdpLine('m', String.join(" ", m)));
    }

    public String mid() {
        return attribute("mid");
    }

    /** Sets the section's c= line, placed right after the m= and i= lines when added. */
    public void setConnection(String connection) {
        int at = 1;
        while (at < lines.size() && lines.get(at).type() == 'i') {
            at++;
        }
        setLine('c', connection, at);
    }

    /** The payload type whose {@code a=rtpmap} names {@code encoding} (case-insensitive), or null. */
    public String payloadType(String encoding) {
        for (String v : attributes("rtpmap")) {
            int space = v.indexOf(' ');
            if (space > 0 && v.regionMatches(true, space + 1, encoding + "/", 0, encoding.length() + 1)) {
                return v.substring(0, space);
            }
        }
        return null;
    }

    /**
     * Keeps only the given formats (payload types) on the m= line, with their {@code a=rtpmap}, {@code a=fmtp} and
     * {@code a=rtcp-fb} lines; {@code a=rtcp-fb:*} stays (RFC 4585 §4.2). What an answerer that takes one codec
     * writes (RFC 3264 §6.1).
     */
    public void retainFormats(List<String> keep) {
        String[] m = mField();
        StringBuilder line = new StringBuilder(m[0] + " " + m[1] + " " + m[2]);
        for (int i = 3; i < m.length; i++) {
            if (keep.contains(m[i])) {
                line.append(' ').append(m[i]);
            }
        }
        lines.set(0, new SdpLine('m', line.toString()));
        lines.removeIf(l -> (l.isAttribute("rtpmap") || l.isAttribute("fmtp") || l.isAttribute("rtcp-fb"))
                && !wildcardOrKept(l.attributeValue(), keep));
    }

    private static boolean wildcardOrKept(String attributeValue, List<String> keep) {
        int space = attributeValue.indexOf(' ');
        String f = space < 0 ? attributeValue : attributeValue.substring(0, space);
        return f.equals("*") || keep.contains(f);
    }

    MediaDescription copy() {
        return new MediaDescription(new ArrayList<>(lines));
    }
}
