package org.vertogw.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A parsed SDP (RFC 8866) that serialises back to the same lines in the same order: the session part and the media
 * sections. Lines may end in CRLF or LF; output always uses CRLF.
 */
public final class SessionDescription extends SdpSection {

    private final List<MediaDescription> media;

    private SessionDescription(List<SdpLine> sessionLines, List<MediaDescription> media) {
        super(sessionLines);
        this.media = media;
    }

    /** RFC 8866 §5.14: fields one space apart, a numeric port (with an optional port count), at least one format. */
    private static final Pattern M_LINE = Pattern.compile("[^ ]+ [0-9]{1,5}(/[0-9]{1,5})? [^ ]+( [^ ]+)+");

    public static SessionDescription parse(String sdp) throws SdpException {
        if (sdp == null || sdp.isBlank()) {
            throw new SdpException("SDP is empty");
        }
        List<SdpLine> session = new ArrayList<>();
        List<MediaDescription> media = new ArrayList<>();
        List<SdpLine> current = session;
        String[] raw = sdp.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String l = raw[i];
            if (l.isEmpty()) {
                if (i >= raw.length - 1) {
                    continue;
                }
                throw new SdpException("line " + (i + 1) + ": empty line inside the description");
            }
            int bad = controlCharacter(l);
            if (bad >= 0) {
                throw new SdpException("line " + (i + 1) + ": carries " + (l.charAt(bad) == '\r' ? "a CR" : "a NUL")
                        + " inside it at column " + (bad + 1));
            }
            if (l.length() < 2 || l.charAt(1) != '=' || !Character.isLetter(l.charAt(0))) {
                throw new SdpException("line " + (i + 1) + ": '" + abbreviate(l) + "' is not <type>=<value>");
            }
            SdpLine line = new SdpLine(l.charAt(0), l.substring(2));
            if (line.type() == 'm') {
                if (!M_LINE.matcher(line.value()).matches()) {
                    throw new SdpException("line " + (i + 1)
                            + ": m= line is not <media> <port>[/<count>] <proto> <format>..., one space apart");
                }
                current = new ArrayList<>();
                media.add(new MediaDescription(current));
            }
            current.add(line);
        }
        if (session.isEmpty() || session.get(0).type() != 'v') {
            throw new SdpException("line 1: SDP must start with v=");
        }
        return new SessionDescription(session, media);
    }

    /** A CR or NUL left inside a line once lines are split at LF (a CRLF ends a line; a lone CR does not). */
    private static int controlCharacter(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    public List<MediaDescription> media() {
        return media;
    }

    /** A deep copy to rewrite without touching this one. */
    public SessionDescription copy() {
        List<MediaDescription> m = new ArrayList<>();
        for (MediaDescription d : media) {
            m.add(d.copy());
        }
        return new SessionDescription(new ArrayList<>(lines), m);
    }

    /** Sets the session-level c= line (before the first t=, where RFC 8866 §5 orders it). */
    public void setConnection(String connection) {
        int at = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if ("bzta".indexOf(lines.get(i).type()) >= 0) {
                at = i;
                break;
            }
        }
        setLine('c', connection, at);
    }

    /** Attribute of a media section, falling back to the session level (RFC 8839 §5.4, RFC 8122 §5). */
    public String attribute(MediaDescription m, String name) {
        String v = m.attribute(name);
        return v != null ? v : attribute(name);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (SdpLine l : lines) {
            sb.append(l).append("\r\n");
        }
        for (MediaDescription m : media) {
            for (SdpLine l : m.lines) {
                sb.append(l).append("\r\n");
            }
        }
        return sb.toString();
    }
}
