package org.vertogw.media.transport;

import java.util.Locale;

/** Which peer a transport faces: the browser (ICE-lite on the shared port) or the island (full ICE, own port). */
public enum LegSide {
    BROWSER,
    ISLAND;

    /** {@code browser} or {@code island}, as logs, events and metrics name it. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
