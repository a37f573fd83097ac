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

    MediaDescription copy() {
        return new MediaDescription(new ArrayList<>(lines));
    }
}
