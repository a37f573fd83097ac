package org.vertogw.media.demux;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Routes datagrams of one shared port to transports (RFC 8445 §7.3 with RFC 7983): STUN by the local ufrag before
 * the colon of USERNAME, everything else by the source address ICE selected for the transport. One thread uses it
 * (the media thread); look-ups allocate nothing.
 */
public final class TransportDemux<T> {

    private final Map<String, T> byUfrag = new HashMap<>();
    private final Map<InetSocketAddress, T> byAddress = new HashMap<>();

    public boolean register(String localUfrag, T target) {
        return byUfrag.putIfAbsent(localUfrag, target) == null;
    }

    public void unregister(String localUfrag, T target) {
        byUfrag.remove(localUfrag, target);
        byAddress.values().removeIf(t -> t == target);
    }

    /** Points {@code address} at {@code target}, replacing its previous address. */
    public void bind(InetSocketAddress previous, InetSocketAddress address, T target) {
        if (previous != null) {
            byAddress.remove(previous, target);
        }
        byAddress.put(address, target);
    }

    /** The transport a STUN USERNAME ({@code local:remote}) names, or null. */
    public T byUsername(String username) {
        if (username == null) {
            return null;
        }
        int colon = username.indexOf(':');
        return byUfrag.get(colon < 0 ? username : username.substring(0, colon));
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
}
