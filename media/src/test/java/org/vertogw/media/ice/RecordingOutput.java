package org.vertogw.media.ice;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.vertogw.media.stun.StunDecodeException;
import org.vertogw.media.stun.StunMessage;

/** Records what an agent sends and announces. */
final class RecordingOutput implements IceOutput {

    record Sent(byte[] datagram, InetSocketAddress to) {
        StunMessage message() {
            try {
                return StunMessage.decode(datagram, 0, datagram.length);
            } catch (StunDecodeException e) {
                throw new AssertionError(e);
            }
        }
    }

    final List<Sent> sent = new ArrayList<>();
    final List<InetSocketAddress> selections = new ArrayList<>();
    final List<IceState> states = new ArrayList<>();

    @Override
    public void send(byte[] buf, int off, int len, InetSocketAddress to) {
        sent.add(new Sent(java.util.Arrays.copyOfRange(buf, off, off + len), to));
    }

    @Override
    public void onSelected(InetSocketAddress address) {
        selections.add(address);
    }

    @Override
    public void onStateChanged(IceState from, IceState to) {
        states.add(to);
    }

    Sent last() {
        return sent.get(sent.size() - 1);
    }
}
