package org.vertogw.media.net;

import java.nio.channels.SelectionKey;

/** A stream channel served by a {@link MediaLoop} (a listening or an accepted TCP socket), on the loop thread. */
public interface ChannelHandler {

    void onReady(SelectionKey key);
}
