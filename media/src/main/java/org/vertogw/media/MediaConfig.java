package org.vertogw.media;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.vertogw.media.dtls.DtlsCertificate;
import org.vertogw.media.dtls.DtlsKeyType;
import org.vertogw.media.ice.IceTimers;

/**
 * Immutable media engine configuration; build with {@link #builder()}. Defaults: bind 0.0.0.0, browser port 10000,
 * island ports 20000-20999, ICE checks every 1 s, disconnected after 10 s and failed after 30 s without consent
 * (RFC 7675 §5.1), DTLS handshake timeout 10 s with a 1 s first retransmission (RFC 6347 §4.2.4.1), one media
 * thread per available processor, a fresh ECDSA P-256 DTLS certificate (what browsers present), DTLS handshakes on
 * twice as many threads as processors with 512 more waiting, no ICE-TCP port (the gateway's configuration turns
 * it on: docs/configuration.md).
 */
public final class MediaConfig {

    private final InetAddress bindAddress;
    private final String publicAddress;
    private final int browserPort;
    private final int islandPortMin;
    private final int islandPortMax;
    private final IceTimers iceTimers;
    private final Duration dtlsTimeout;
    private final Duration dtlsRetransmit;
    private final int mediaThreads;
    private final DtlsKeyType dtlsKey;
    private final DtlsCertificate dtlsCertificate;
    private final int dtlsHandshakeThreads;
    private final int dtlsHandshakesQueued;
    private final boolean tcp;
    private final int tcpPort;
    private final org.vertogw.media.net.TcpLimits tcpLimits;

    private MediaConfig(Builder b) {
        this.bindAddress = b.bindAddress;
        this.publicAddress = b.publicAddress != null
                ? b.publicAddress
                : bindAddress.isAnyLocalAddress() ? "127.0.0.1" : bindAddress.getHostAddress();
        this.browserPort = b.browserPort;
        this.islandPortMin = b.islandPortMin;
        this.islandPortMax = b.islandPortMax;
        this.iceTimers = new IceTimers(b.iceCheckInterval, b.consentDisconnectedAfter, b.consentFailedAfter);
        this.dtlsTimeout = b.dtlsTimeout;
        this.dtlsRetransmit = b.dtlsRetransmit;
        this.mediaThreads = b.mediaThreads;
        this.dtlsKey = b.dtlsCertificate != null ? b.dtlsCertificate.keyType() : b.dtlsKey;
        this.dtlsCertificate = b.dtlsCertificate;
        this.dtlsHandshakeThreads = b.dtlsHandshakeThreads;
        this.dtlsHandshakesQueued = b.dtlsHandshakesQueued;
        this.tcp = b.tcp;
        this.tcpPort = b.tcpPort;
        this.tcpLimits = b.tcpLimits;
    }

    /** Whether browser legs also offer an ICE-TCP passive candidate (RFC 6544) on {@link #tcpPort()}. */
    public boolean tcp() {
        return tcp;
    }

    /** The ICE-TCP listening port; -1 means the same number as the bound UDP browser port. */
    public int tcpPort() {
        return tcpPort;
    }

    public org.vertogw.media.net.TcpLimits tcpLimits() {
        return tcpLimits;
    }

    /** Handshakes that run at once (each holds a thread while it runs). */
    public int dtlsHandshakeThreads() {
        return dtlsHandshakeThreads;
    }

    /** Handshakes that may wait for a thread; one more is refused and its leg fails as overloaded. */
    public int dtlsHandshakesQueued() {
        return dtlsHandshakesQueued;
    }

    public static Builder builder() {
        return new Builder();
    }

    public InetAddress bindAddress() {
        return bindAddress;
    }

    /** The address put in candidates and c= lines. */
    public String publicAddress() {
        return publicAddress;
    }

    public int browserPort() {
        return browserPort;
    }

    public int islandPortMin() {
        return islandPortMin;
    }

    public int islandPortMax() {
        return islandPortMax;
    }

    public IceTimers iceTimers() {
        return iceTimers;
    }

    public Duration dtlsTimeout() {
        return dtlsTimeout;
    }

    public Duration dtlsRetransmit() {
        return dtlsRetransmit;
    }

    /** Media threads: each call's legs live on one of them, so a gateway uses as many cores as this. */
    public int mediaThreads() {
        return mediaThreads;
    }

    /** The key of the DTLS certificate the engine presents. */
    public DtlsKeyType dtlsKey() {
        return dtlsKey;
    }

    /** The certificate to present: the configured one, or a fresh one of {@link #dtlsKey()}. */
    public DtlsCertificate newDtlsCertificate() {
        return dtlsCertificate != null ? dtlsCertificate : DtlsCertificate.generate(dtlsKey);
    }

    @Override
    public String toString() {
        return "MediaConfig[bind " + bindAddress.getHostAddress() + ", public " + publicAddress + ", browser port "
                + browserPort + ", island ports " + islandPortMin + "-" + islandPortMax + ", " + iceTimers
                + (tcp ? ", ICE-TCP port " + (tcpPort < 0 ? "= browser port" : tcpPort) : ", no ICE-TCP")
                + ", DTLS timeout " + dtlsTimeout + ", DTLS key " + dtlsKey + ", " + mediaThreads + " media threads]";
    }

    public static final class Builder {

        private InetAddress bindAddress;
        private String publicAddress;
        private int browserPort = 10000;
        private int islandPortMin = 20000;
        private int islandPortMax = 20999;
        private Duration iceCheckInterval = IceTimers.DEFAULT.checkInterval();
        private Duration consentDisconnectedAfter = IceTimers.DEFAULT.disconnectedAfter();
        private Duration consentFailedAfter = IceTimers.DEFAULT.failedAfter();
        private Duration dtlsTimeout = Duration.ofSeconds(10);
        private Duration dtlsRetransmit = Duration.ofSeconds(1);
        private int mediaThreads = Runtime.getRuntime().availableProcessors();
        private DtlsKeyType dtlsKey = DtlsKeyType.ECDSA_P256;
        private DtlsCertificate dtlsCertificate;
        private int dtlsHandshakeThreads = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
        private int dtlsHandshakesQueued = 512;
        private boolean tcp;
        private int tcpPort = -1;
        private org.vertogw.media.net.TcpLimits tcpLimits = org.vertogw.media.net.TcpLimits.DEFAULTS;

        private Builder() {
            try {
                bindAddress = InetAddress.getByName("0.0.0.0");
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        public Builder bindAddress(String address) {
            try {
                this.bindAddress = InetAddress.getByName(address);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("bind address '" + address + "' is not an IP address", e);
            }
            return this;
        }

        public Builder publicAddress(String address) {
            this.publicAddress = address;
            return this;
        }

        /** The shared UDP port of every browser leg; 0 picks a free one. */
        public Builder browserPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("browser port " + port + " outside 0..65535");
            }
            this.browserPort = port;
            return this;
        }

        /** Island-leg ports; 0/0 lets the system pick. */
        public Builder islandPorts(int min, int max) {
            if (min < 0 || max > 65535 || min > max || (min == 0) != (max == 0)) {
                throw new IllegalArgumentException("island port range " + min + "-" + max + " is invalid");
            }
            this.islandPortMin = min;
            this.islandPortMax = max;
            return this;
        }

        public Builder iceCheckInterval(Duration d) {
            this.iceCheckInterval = d;
            return this;
        }

        public Builder consentDisconnectedAfter(Duration d) {
            this.consentDisconnectedAfter = d;
            return this;
        }

        public Builder consentFailedAfter(Duration d) {
            this.consentFailedAfter = d;
            return this;
        }

        public Builder dtlsTimeout(Duration d) {
            this.dtlsTimeout = d;
            return this;
        }

        public Builder dtlsRetransmit(Duration d) {
            this.dtlsRetransmit = d;
            return this;
        }

        /** How many media threads relay packets; calls are spread over them, each call on one. */
        public Builder mediaThreads(int threads) {
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("media threads " + threads + " outside 1..256");
            }
            this.mediaThreads = threads;
            return this;
        }

        /** A fresh self-signed certificate with this key at each start (islands: RSA, as FreeSWITCH). */
        public Builder dtlsKey(DtlsKeyType key) {
            this.dtlsKey = java.util.Objects.requireNonNull(key, "dtlsKey");
            this.dtlsCertificate = null;
            return this;
        }

        /** A certificate loaded from PEM (FreeSWITCH's dtls-srtp.pem, or an operator's), presented as it is. */
        public Builder dtlsCertificate(DtlsCertificate certificate) {
            this.dtlsCertificate = java.util.Objects.requireNonNull(certificate, "dtlsCertificate");
            return this;
        }

        /** The DTLS handshake pool: {@code threads} at once, {@code queued} waiting, more refused. */
        public Builder dtlsHandshakes(int threads, int queued) {
            if (threads < 1 || threads > 1024 || queued < 1 || queued > 1_000_000) {
                throw new IllegalArgumentException(
                        "DTLS handshakes: threads 1..1024 and queued 1..1000000, got " + threads + "/" + queued);
            }
            this.dtlsHandshakeThreads = threads;
            this.dtlsHandshakesQueued = queued;
            return this;
        }

        /**
         * Offers browsers an ICE-TCP passive candidate on {@code port} (-1: the UDP browser port's number, 0: any
         * free port) within {@code limits}; off unless called (the gateway turns it on, islands never need it).
         */
        public Builder tcp(boolean enabled, int port, org.vertogw.media.net.TcpLimits limits) {
            if (port < -1 || port > 65535) {
                throw new IllegalArgumentException("ICE-TCP port " + port + " outside 0..65535");
            }
            this.tcp = enabled;
            this.tcpPort = port;
            this.tcpLimits = java.util.Objects.requireNonNull(limits, "tcpLimits");
            return this;
        }

        public MediaConfig build() {
            return new MediaConfig(this);
        }
    }
}
