package org.vertogw.bench.media;

import java.security.GeneralSecurityException;
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
import org.vertogw.media.srtp.SrtpKeyingMaterial;
import org.vertogw.media.srtp.SrtpProfile;
import org.vertogw.media.srtp.SrtpSession;
import org.vertogw.media.srtp.SrtpStatus;

/**
 * SRTP protect and protect+unprotect of a 172-byte RTP packet (12-byte header, 160-byte payload: 20 ms of G.711),
 * for both profiles, against baselines measured in the same run: copying the packet (every variant copies it in
 * first), and the naive JCA way (one {@code Cipher.init} per packet for AES-CTR and for AES-GCM).
 * Unprotect alone is {@code roundTrip - protect}; a replay window forbids unprotecting one packet repeatedly.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
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
    public SrtpStatus roundTrip() {
        PacketBuffer p = nextPacket();
        sender.protectRtp(p);
        return receiver.unprotectRtp(p);
    }
}
