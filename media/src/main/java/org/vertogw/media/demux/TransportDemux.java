package org.vertogw.media.demux;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Routes datagrams of one shared port to transports (RFC 8445 §7.3 with RFC 7983): STUN by the local ufrag before
 * the colon of USERNAME, everything else by the source address ICE selected for the transport. One thread uses it
 * (the media thread); look-ups allocate nothing: a ufrag is looked up by its bytes in the datagram, through a
 * reused probe key.
 */
public final class TransportDemux<T> {

    private final Map<Ufrag, T> byUfrag = new HashMap<>();
    private final Map<InetSocketAddress, T> byAddress = new HashMap<>();
    private final Ufrag probe = new Ufrag();

    public boolean register(String localUfrag, T target) {
        return byUfrag.putIfAbsent(Ufrag.of(localUfrag), target) == null;
    }

    public void unregister(String localUfrag, T target) {
        byUfrag.remove(Ufrag.of(localUfrag), target);
        byAddress.values().removeIf(t -> t == target);
    }

    /** Points {@code address} at {@code target}, replacing its previous address (null: none now). */
    public void bind(InetSocketAddress previous, InetSocketAddress address, T target) {
        if (previous != null) {
            byAddress.remove(previous, target);
        }
        if (address != null) {
            byAddress.put(address, target);
        }
    }

    /** The transport whose local ufrag is {@code buf[off..off+len)} (USERNAME's part before the colon), or null. */
    public T byLocalUfrag(byte[] buf, int off, int len) {
        T t = byUfrag.get(probe.set(buf, off, len));
        probe.set(null, 0, 0);
        return t;
    }

    public T byAddress(InetSocketAddress from) {
        return byAddress.get(from);
    }

    public int transports() {
        return byUfrag.size();
    }

    public int addresses() {
        return byAddress.size();
    }

    /** A ufrag's bytes as a map key; the probe instance views a datagram instead of owning a copy. */
    private static final class Ufrag {
        private byte[] bytes;
        private int off;
        private int len;
        private int hash;

        static Ufrag of(String ufrag) {
            byte[] b = ufrag.getBytes(StandardCharsets.UTF_8);
            return new Ufrag().set(b, 0, b.length);
        }

        Ufrag set(byte[] b, int o, int l) {
            bytes = b;
            off = o;
            len = l;
            int h = 1;
            for (int i = 0; i < l; i++) {
                h = 31 * h + b[o + i];
            }
            hash = h;
            return this;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ufrag u
                    && u.len == len
                    && Arrays.equals(bytes, off, off + len, u.bytes, u.off, u.off + len);
        }
    }
}
