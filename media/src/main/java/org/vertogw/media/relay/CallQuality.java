package org.vertogw.media.relay;

import java.util.ArrayList;
import java.util.List;

/**
 * A relay's call quality: one {@link PathQuality} per media section (null for a rejected one), in m-line order.
 * Sections are added on the media thread; the list may be read from any thread.
 */
public final class CallQuality {

    private final List<PathQuality> sections = new ArrayList<>();

    synchronized PathQuality add(int clockRate) {
        PathQuality q = clockRate < 0 ? null : new PathQuality(clockRate);
        sections.add(q);
        return q;
    }

    /** Every media section's quality, null for a rejected section. */
    public synchronized List<PathQuality> sections() {
        return new ArrayList<>(sections);
    }
}
