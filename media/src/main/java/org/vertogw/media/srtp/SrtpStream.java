package org.vertogw.media.srtp;

/**
 * Per-SSRC state of one direction (RFC 3711 §3.2.3): the rollover counter and highest sequence number for SRTP,
 * the SRTCP index for a sender, and the replay window for a receiver.
 */
final class SrtpStream {

    final int ssrc;
    final ReplayWindow replay = new ReplayWindow();
    private boolean started;
    private int roc;
    private int highestSeq;
    int rtcpIndex;

    SrtpStream(int ssrc) {
        this.ssrc = ssrc;
    }

    /**
     * Guesses the packet index of {@code seq} from ROC and s_l (RFC 3711 §3.3.1 and Appendix A). Negative when the
     * packet would precede the first one seen with ROC 0.
     */
    long estimateIndex(int seq) {
        if (!started) {
            return seq;
        }
        long v;
        if (highestSeq < 32768) {
            v = (seq - highestSeq > 32768) ? roc - 1L : roc;
        } else {
            v = (highestSeq - 32768 > seq) ? roc + 1L : roc;
        }
        return v < 0 ? -1 : (v << 16) | seq;
    }

    /** Records an authenticated (or sent) index: ROC and s_l move forward only (RFC 3711 §3.3.1). */
    void commit(long index) {
        if (!started || index > (((long) roc << 16) | highestSeq)) {
            roc = (int) (index >>> 16);
            highestSeq = (int) index & 0xFFFF;
            started = true;
        }
    }

    /** Forgets everything (the scratch stream used to check a packet of an SSRC not yet authenticated). */
    SrtpStream reset() {
        started = false;
        roc = 0;
        highestSeq = 0;
        return this;
    }

    int roc() {
        return roc;
    }
}
