package org.vertogw.media.dtls;

import java.io.IOException;

/** Where a DTLS transport sends its records: the leg's socket, to the address ICE selected. Thread-safe. */
@FunctionalInterface
public interface DatagramOut {

    void send(byte[] buf, int off, int len) throws IOException;
}
