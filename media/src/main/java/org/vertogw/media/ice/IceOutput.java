package org.vertogw.media.ice;

import java.net.InetSocketAddress;

/** What an ICE agent hands out: datagrams to send and events. Called on the thread that drives the agent. */
public interface IceOutput {

    /** Sends {@code buf[off..off+len)}; the buffer is the agent's and reused after the call returns. */
    void send(byte[] buf, int off, int len, InetSocketAddress to);

    /** The selected pair's remote address is now {@code address} (first selection, or a move after a valid check). */
    void onSelected(InetSocketAddress address);

    void onStateChanged(IceState from, IceState to);
}
