package org.vertogw.bench.media;

import java.security.GeneralSecurityException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.rtp.RtpHeader;
import org.vertogw.media.srtp.SrtpContext;
import org.vertogw.media.srtp.SrtpKeyingMaterial;
import org.vertogw.media.srtp.SrtpMasterKey;
import org.vertogw.media.srtp.SrtpProfile;
import org.vertogw.media.srtp.SrtpSession;
import org.vertogw.media.srtp.SrtpStatus;

/**
 * SRTP protect and protect+unprotect of a 172-byte RTP packet (12-byte header, 160-byte payload: 20 ms of G.711),
 * for both profiles, against baselines measured in the same run: copying the packet (every variant copies it in
 * first), and the naive JCA way (one {@code Cipher.init} per packet for AES-CTR and for AES-GCM).
 * Unprotect alone is {@code roundTrip - protect}; a replay window forbids unprotecting one packet repeatedly.
 * <p>
 * {@code protectRotating} protects with {@link Rotation#contexts} outbound contexts, each with its own key, one
 * after the other, as a relay does with hundreds of live legs: with 1024 contexts the per-context key schedules and
 * tables no longer fit in L1/L2, so their cache misses show up next to the single-context figure.
 * <p>
 * The forks open the JDK's provider package, as the gateway jar's manifest does, so that GCM hashes with the JDK's
 * GHASH intrinsic; other {@code -jvmArgsAppend} on the command line replace the option (e.g.
 * {@code -jvmArgsAppend -Dopens=none}) and measure the pure-Java fallback.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-opens", "java.base/com.sun.crypto.provider=ALL-UNNAMED"})
public class SrtpBenchmark {

    @Param({"AES_CM_128_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
    public String profile;

    private final byte[] template = new byte[172];
    private final PacketBuffer packet = new PacketBuffer();
    private SrtpSession sender;
    private SrtpSession receiver;
    private int seq;

    private Cipher jcaCtr;
    private Cipher jcaGcm;
    private SecretKeySpec aesKey;
    private final byte[] iv = new byte[16];

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        SrtpProfile p = SrtpProfile.valueOf(profile);
        byte[] exported = new byte[p.keyingMaterialLength()];
        for (int i = 0; i < exported.length; i++) {
            exported[i] = (byte) (i * 13 + 5);
        }
        sender = new SrtpSession(SrtpKeyingMaterial.fromExport(p, exported, true));
        receiver = new SrtpSession(SrtpKeyingMaterial.fromExport(p, exported, false));
        template[0] = (byte) 0x80;
        template[1] = 0;
        RtpHeader.setSsrc(template, 0, 0x1234abcd);
        for (int i = 12; i < template.length; i++) {
            template[i] = (byte) i;
        }
        jcaCtr = Cipher.getInstance("AES/CTR/NoPadding");
        jcaGcm = Cipher.getInstance("AES/GCM/NoPadding");
        aesKey = new SecretKeySpec(new byte[16], "AES");
    }

    private PacketBuffer nextPacket() {
        System.arraycopy(template, 0, packet.array(), 0, template.length);
        packet.setLength(template.length);
        RtpHeader.setSequenceNumber(packet.array(), 0, seq++ & 0xFFFF);
        return packet;
    }

    @Benchmark
    public int baselineCopy() {
        return nextPacket().length();
    }

    @Benchmark
    public int baselineJcaAesCtrInitPerPacket() throws GeneralSecurityException {
        PacketBuffer p = nextPacket();
        iv[15] = (byte) seq;
        jcaCtr.init(Cipher.ENCRYPT_MODE, aesKey, new IvParameterSpec(iv));
        return jcaCtr.doFinal(p.array(), 12, 160, p.array(), 12);
    }

    @Benchmark
    public int baselineJcaAesGcmInitPerPacket() throws GeneralSecurityException {
        PacketBuffer p = nextPacket();
        iv[11] = (byte) seq;
        iv[10] = (byte) (seq >>> 8);
        iv[9] = (byte) (seq >>> 16);
        jcaGcm.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, iv, 0, 12));
        jcaGcm.updateAAD(p.array(), 0, 12);
        return jcaGcm.doFinal(p.array(), 12, 160, p.array(), 12);
    }

    @Benchmark
    public SrtpStatus protect() {
        return sender.protectRtp(nextPacket());
    }

    @Benchmark
    public SrtpStatus protectRotating(Rotation r) {
        int i = r.advance();
        return r.ctx[i].protect(rotatingPacket(r, i));
    }

    /**
     * Protects with one rotating context and unprotects with its peer under the same key: one protect and one
     * unprotect per packet, as a relay does (it unprotects on the leg the packet arrived on and protects on the
     * other), with the receiving side's per-SSRC state (rollover counter, replay window) cold too.
     */
    @Benchmark
    public SrtpStatus roundTripRotating(Rotation r) {
        int i = r.advance();
        PacketBuffer p = rotatingPacket(r, i);
        r.ctx[i].protect(p);
        return r.peer[i].unprotect(p);
    }

    /** The template in the work buffer with context {@code i}'s next sequence number. */
    private PacketBuffer rotatingPacket(Rotation r, int i) {
        PacketBuffer p = packet;
        System.arraycopy(template, 0, p.array(), 0, template.length);
        p.setLength(template.length);
        RtpHeader.setSequenceNumber(p.array(), 0, r.seq[i]++ & 0xFFFF);
        return p;
    }

    /**
     * Contexts for the rotating benchmarks, each under its own master key, used round robin; {@code peer} holds the
     * receiving context of each key.
     */
    @State(Scope.Thread)
    public static class Rotation {

        @Param({"1", "1024"})
        public int contexts;

        SrtpContext[] ctx;
        SrtpContext[] peer;
        int[] seq;
        int next;

        /** The context to use now; the next call returns the one after it, round robin. */
        int advance() {
            int i = next;
            next = i + 1 == ctx.length ? 0 : i + 1;
            return i;
        }

        @Setup(Level.Trial)
        public void setUp(SrtpBenchmark b) {
            SrtpProfile p = SrtpProfile.valueOf(b.profile);
            ctx = new SrtpContext[contexts];
            peer = new SrtpContext[contexts];
            seq = new int[contexts];
            SplittableRandom rnd = new SplittableRandom(42);
            for (int c = 0; c < contexts; c++) {
                byte[] key = new byte[p.keyLength()];
                byte[] salt = new byte[p.saltLength()];
                rnd.nextBytes(key);
                rnd.nextBytes(salt);
                ctx[c] = SrtpContext.of(new SrtpMasterKey(p, key, salt));
                peer[c] = SrtpContext.of(new SrtpMasterKey(p, key, salt));
                seq[c] = rnd.nextInt(0x10000);
            }
        }
    }

    @Benchmark
    public SrtpStatus roundTrip() {
        PacketBuffer p = nextPacket();
        sender.protectRtp(p);
        return receiver.unprotectRtp(p);
    }
}
