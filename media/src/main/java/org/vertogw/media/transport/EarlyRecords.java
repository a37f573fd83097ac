package org.vertogw.media.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * DTLS records from the ICE-selected peer that arrived before the SDP that arms DTLS: the answerer's ClientHello goes
 * out as soon as its ICE check succeeds and can overtake its answer on the signalling path (RFC 5763 §5). Dropping
 * it cost the leg the peer's retransmission timer, a second with FreeSWITCH (RFC 6347 §4.2.4.1). A handful are kept,
 * copied, on the leg's media thread; the rest are dropped as before, so a peer cannot make a leg hold more.
 */
final class EarlyRecords {

    /** A ClientHello with its fragments; a peer that sends more before the answer is retransmitting anyway. */
    static final int LIMIT = 4;

    private final List<byte[]> records = new ArrayList<>(0);
    /** How many are kept, for other threads to read. */
    private volatile int held;

    /** Keeps a copy; false when {@link #LIMIT} records are already kept. */
    boolean hold(byte[] buf, int off, int len) {
        if (records.size() >= LIMIT) {
            return false;
        }
        byte[] copy = new byte[len];
        System.arraycopy(buf, off, copy, 0, len);
        records.add(copy);
        held = records.size();
        return true;
    }

    /** What takes a kept record. */
    interface Sink {
        void accept(byte[] buf, int off, int len);
    }

    /** Hands the kept records to {@code sink} in the order they came (null: drops them), and forgets them. */
    void drainTo(Sink sink) {
        if (sink != null) {
            for (byte[] r : records) {
                sink.accept(r, 0, r.length);
            }
        }
        records.clear();
        held = 0;
    }

    /** Any thread. */
    int size() {
        return held;
    }
}
