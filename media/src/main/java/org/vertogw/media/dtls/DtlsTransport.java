package org.vertogw.media.dtls;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.media.srtp.SrtpKeyingMaterial;
import org.vertogw.media.srtp.SrtpProfile;

/**
 * One DTLS-SRTP association (RFC 5764) over Bouncy Castle's blocking DTLS 1.2. The media thread feeds records in
 * with {@link #receive}; the handshake runs on an executor thread. Once connected, no thread waits on the
 * association: a record that arrives later (the peer's retransmitted final flight, when our Finished was lost, or
 * its close_notify) is processed by a task on the executor, so that a gateway carrying thousands of legs does not
 * hold a thread per leg. The outcome (keying material, or a {@link DtlsFailure}) goes to the
 * {@link DtlsListener} exactly once.
 */
public final class DtlsTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DtlsTransport.class);

    private final DtlsRole role;
    private final DatagramQueue queue;
    private final DtlsPeerSupport support;
    private final List<SrtpProfile> profiles;
    private final DtlsListener listener;
    private final Executor executor;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile DTLSTransport established;
    private final int timeoutMillis;
    private volatile DtlsState state = DtlsState.NEW;

    /**
     * @param profiles SRTP profiles in our order of preference (the server picks its first that the client offers)
     * @param timeoutMillis the whole handshake, retransmissions included
     * @param resendMillis the first retransmission timer (RFC 6347 §4.2.4.1 suggests 1 s; it doubles)
     */
    public DtlsTransport(
            DtlsCertificate certificate,
            DtlsRole role,
            DtlsFingerprint remoteFingerprint,
            List<SrtpProfile> profiles,
            DatagramOut out,
            Executor executor,
            int timeoutMillis,
            int resendMillis,
            DtlsListener listener) {
        this.role = role;
        this.queue = new DatagramQueue(out);
        this.support = new DtlsPeerSupport(certificate, remoteFingerprint, role, timeoutMillis, resendMillis);
        this.profiles = List.copyOf(profiles);
        this.listener = listener;
        this.executor = executor;
        this.timeoutMillis = timeoutMillis;
    }

    public DtlsRole role() {
        return role;
    }

    public DtlsState state() {
        return state;
    }

    /** The negotiated cipher suite (e.g. {@code ECDHE_RSA_WITH_AES_128_GCM_SHA256}), null before the handshake. */
    public String cipherSuite() {
        return support.diagnostics().selectedSuite();
    }

    /** The peer's certificate key (e.g. {@code RSA-2048}), null before it is seen. */
    public String peerCertificate() {
        return support.diagnostics().peerCertificate();
    }

    /** Starts the handshake (a client sends its ClientHello; a server waits for one). Idempotent. */
    public void start() {
        if (started.compareAndSet(false, true)) {
            state = DtlsState.CONNECTING;
            queue.setDeadline(System.nanoTime() + timeoutMillis * 1_000_000L);
            try {
                executor.execute(this::run);
            } catch (RejectedExecutionException e) {
                state = DtlsState.FAILED;
                LOG.info("DTLS {} handshake refused: the handshake pool is full", role);
                listener.onFailed(DtlsFailure.OVERLOADED, "the DTLS handshake pool is full");
            }
        }
    }

    public boolean isStarted() {
        return started.get();
    }

    /** Hands a DTLS record received from the ICE-validated peer; false when dropped (queue full or closed). */
    public boolean receive(byte[] buf, int off, int len) {
        boolean queued = queue.offer(buf, off, len);
        if (queued && established != null) {
            scheduleDrain();
        }
        return queued;
    }

    private void scheduleDrain() {
        if (!closed.get() && draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false); // the engine is closing
            }
        }
    }

    /**
     * Processes what arrived after the handshake: Bouncy Castle answers a retransmitted final flight inside
     * {@code receive}, and a close_notify or fatal alert ends it with an exception.
     */
    private void drain() {
        DTLSTransport transport = established;
        try {
            byte[] buf = new byte[DatagramQueue.RECEIVE_LIMIT];
            while (!closed.get() && !queue.isEmpty()) {
                transport.receive(buf, 0, buf.length, 1);
            }
        } catch (IOException e) {
            if (!closed.get() && state == DtlsState.CONNECTED) {
                LOG.debug("DTLS association ended by the peer: {}", e.toString());
                state = DtlsState.CLOSED;
                listener.onClosed();
            }
            return;
        } finally {
            draining.set(false);
        }
        if (!queue.isEmpty()) {
            scheduleDrain(); // arrived between the last check and the reset above
        }
    }

    private void run() {
        DTLSTransport transport;
        long startNanos = System.nanoTime();
        LOG.debug("DTLS {} handshake started", role);
        try {
            transport = role == DtlsRole.CLIENT
                    ? new DTLSClientProtocol().connect(new DtlsClient(support, profiles), queue)
                    : new DTLSServerProtocol().accept(new DtlsServer(support, profiles), queue);
        } catch (IOException | RuntimeException e) {
            fail(e);
            return;
        }
        queue.setDeadline(Long.MAX_VALUE);
        SrtpKeyingMaterial keys = support.keys();
        if (keys == null) {
            state = DtlsState.FAILED;
            listener.onFailed(DtlsFailure.NO_SRTP_PROFILE, "handshake completed without an SRTP profile");
            return;
        }
        state = DtlsState.CONNECTED;
        LOG.debug("DTLS {} handshake done in {} ms", role, (System.nanoTime() - startNanos) / 1_000_000);
        listener.onConnected(keys);
        established = transport;
        if (!queue.isEmpty()) {
            scheduleDrain();
        }
    }

    private void fail(Exception e) {
        if (closed.get()) {
            state = DtlsState.CLOSED;
            return;
        }
        HandshakeDiagnostics d = support.diagnostics();
        if (!(e instanceof TlsFatalAlertReceived)) {
            d.explain(e.getMessage(), e.getCause()); // a received alert is already in the diagnostics
        }
        DtlsFailure failure = d.failure();
        if (failure == null) {
            if (e instanceof TlsTimeoutException) {
                failure = DtlsFailure.TIMEOUT;
            } else if (e instanceof TlsFatalAlert a
                    && a.getMessage() != null
                    && a.getMessage().contains("SRTP")) {
                failure = DtlsFailure.NO_SRTP_PROFILE;
            } else if (e instanceof TlsFatalAlertReceived) {
                failure = DtlsFailure.PEER_ALERT;
            } else {
                failure = DtlsFailure.HANDSHAKE_ERROR;
            }
        }
        state = DtlsState.FAILED;
        String detail = d.summary();
        LOG.info("DTLS {} handshake failed: {}: {}", role, failure, detail);
        LOG.debug("DTLS {} handshake failure", role, e);
        listener.onFailed(failure, detail);
    }

    /**
     * Stops the handshake or any later processing; no further callbacks. An established association first tells
     * the peer with close_notify (RFC 5246 §7.2.1), so it can release the call's media at once instead of waiting
     * for consent to lapse. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        DTLSTransport t = established;
        if (t != null && state == DtlsState.CONNECTED) {
            try {
                t.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("close_notify not sent: {}", e.toString());
            }
        }
        queue.close();
        if (state != DtlsState.FAILED) {
            state = DtlsState.CLOSED;
        }
    }
}
