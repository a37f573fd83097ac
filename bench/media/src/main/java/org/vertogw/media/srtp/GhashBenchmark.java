package org.vertogw.media.srtp;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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

/**
 * GHASH alone over what one SRTP AEAD_AES_128_GCM packet of {@code SrtpBenchmark} hashes (a 12-byte header as AAD,
 * 160 bytes of ciphertext, the length block: 12 blocks), by each implementation in the same run: the pure-Java
 * {@link GaloisHash} and the JDK's intrinsic through {@link JdkGhash}. {@code keys} instances, one per key, are used
 * round robin, as contexts are by a relay. In the media module's package, whose GHASH classes are package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-opens", "java.base/com.sun.crypto.provider=ALL-UNNAMED"})
public class GhashBenchmark {

    @Param({"GaloisHash", "JdkGhash"})
    public String impl;

    @Param({"1", "1024"})
    public int keys;

    private final byte[] packet = new byte[172];
    private final byte[] out = new byte[16];
    private Ghash[] ghash;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        if (impl.equals("JdkGhash") && !JdkGhash.AVAILABLE) {
            throw new IllegalStateException(JdkGhash.UNAVAILABLE_BECAUSE);
        }
        SplittableRandom rnd = new SplittableRandom(38);
        rnd.nextBytes(packet);
        ghash = new Ghash[keys];
        byte[] h = new byte[16];
        for (int i = 0; i < keys; i++) {
            rnd.nextBytes(h);
            ghash[i] = impl.equals("JdkGhash") ? new JdkGhash(h) : new GaloisHash(h);
        }
    }

    @Benchmark
    public byte[] packet() {
        int i = next;
        next = i + 1 == ghash.length ? 0 : i + 1;
        Ghash g = ghash[i];
        g.reset();
        g.update(packet, 0, 12);
        g.update(packet, 12, 160);
        g.finish(12, 160, out);
        return out;
    }
}
