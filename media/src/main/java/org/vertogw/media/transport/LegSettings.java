package org.vertogw.media.transport;

import java.util.List;
import java.util.concurrent.Executor;
import org.vertogw.media.dtls.DtlsCertificate;
import org.vertogw.media.ice.IceTimers;
import org.vertogw.media.net.MediaLoop;
import org.vertogw.media.srtp.SrtpProfile;

/** What every leg of an engine shares: the media thread, certificate, handshake threads and timers. */
public record LegSettings(
        MediaLoop loop,
        DtlsCertificate certificate,
        Executor handshakeExecutor,
        IceTimers iceTimers,
        int dtlsTimeoutMillis,
        int dtlsResendMillis,
        String publicAddress) {

    /** Browser legs prefer GCM (cheaper, RFC 7714) and accept AES-CM. */
    public static final List<SrtpProfile> BROWSER_PROFILES =
            List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80);
    /** What mod_verto offers. */
    public static final List<SrtpProfile> ISLAND_PROFILES = List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
}
