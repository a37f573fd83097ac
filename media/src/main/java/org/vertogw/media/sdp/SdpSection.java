package org.vertogw.media.sdp;

import java.util.ArrayList;
import java.util.List;

/** An ordered run of SDP lines (the session part or one media section) with attribute look-up and editing. */
public abstract class SdpSection {

    final List<SdpLine> lines;

    SdpSection(List<SdpLine> lines) {
        this.lines = lines;
    }

    public List<SdpLine> lines() {
        return List.copyOf(lines);
    }

    /** Value of the first {@code a=name[:value]}, "" for a flag, null when absent. */
    public String attribute(String name) {
        for (SdpLine l : lines) {
            if (l.isAttribute(name)) {
                return l.attributeValue();
            }
        }
        return null;
    }

    public List<String> attributes(String name) {
        List<String> out = new ArrayList<>();
        for (SdpLine l : lines) {
            if (l.isAttribute(name)) {
                out.add(l.attributeValue());
            }
        }
        return out;
    }

    public boolean hasAttribute(String name) {
        return attribute(name) != null;
    }

    public void removeAttributes(String name) {
        lines.removeIf(l -> l.isAttribute(name));
    }

    /** Appends {@code a=name:value}, or {@code a=name} when value is null. */
    public void addAttribute(String name, String value) {
        lines.add(new SdpLine('a', value == null ? name : name + ":" + value));
    }

    /** Replaces every {@code a=name} with one line in the place of the first, or appends it. */
    public void setAttribute(String name, String value) {
        SdpLine line = new SdpLine('a', value == null ? name : name + ":" + value);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isAttribute(name)) {
                lines.set(i, line);
                final int keep = i;
                int[] index = {0};
                lines.removeIf(l -> index[0]++ > keep && l.isAttribute(name));
                return;
            }
        }
        lines.add(line);
    }

    /** The value of the first line of a type (e.g. 'c'), or null. */
    public String line(char type) {
        for (SdpLine l : lines) {
            if (l.type() == type) {
                return l.value();
            }
        }
        return null;
    }

    /** Replaces the first line of a type, or inserts it at {@code insertAt} when there is none. */
    void setLine(char type, String value, int insertAt) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).type() == type) {
                lines.set(i, new SdpLine(type, value));
                return;
            }
        }
        lines.add(Math.min(insertAt, lines.size()), new SdpLine(type, value));
    }
}
