package org.vertogw.media.srtp;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.media.rtp.Bytes;

/**
 * GHASH (NIST SP 800-38D §6.4) by the JDK's own {@code com.sun.crypto.provider.GHASH.processBlocks}, which C2
 * replaces with a carry-less multiply stub (PCLMULQDQ on x86-64, PMULL on AArch64). The JDK exposes it only through
 * a GCM {@code Cipher}, which must be re-initialised for every IV, allocating about 1 KiB per packet; here the
 * private static method is called directly, through a {@link MethodHandle} in a static final field so that C2
 * inlines the call down to the intrinsic, on our own state and on the subkey table the JDK builds for H (one JDK
 * GHASH per key, dropped once its table is taken: the x86 stub caches powers of H in that table, so it serves one
 * key only). bench-media's {@code GhashBenchmark}: about 90 ns for the 12 blocks of a 172-byte SRTP packet,
 * against about 1 µs for {@link GaloisHash}.
 * <p>
 * The package is not exported, so this takes {@code --add-opens java.base/com.sun.crypto.provider=ALL-UNNAMED}
 * (the {@code Add-Opens} of verto-gateway.jar's manifest). {@link #AVAILABLE} is false, and {@link Ghash#forKey}
 * uses {@link GaloisHash}, saying so once at INFO, when the package is not open, when the JDK's GHASH is not shaped
 * as in JDK 17 ({@code processBlocks(byte[] in, int off, int blocks, long[] state, long[] subkeyHtbl)}, the state
 * Y as two big-endian longs), when the JVM runs without the intrinsic (the JDK's Java fallback multiplies bit by
 * bit, slower than GaloisHash), or when a self-test against GaloisHash disagrees.
 * <p>
 * The stub accesses memory unchecked (the JDK checks ranges before calling it), hence the range check in
 * {@link #update}. Partial blocks go through a reused pad: nothing is allocated per packet.
 */
final class JdkGhash implements Ghash {

    private static final Logger LOG = LoggerFactory.getLogger(JdkGhash.class);

    /** {@code processBlocks(byte[], int, int, long[], long[])void}, invoked exactly so that C2 can inline it. */
    private static final MethodHandle PROCESS_BLOCKS;
    /** {@code new GHASH(byte[] h)}, typed {@code (byte[])Object}: once per key, for its subkey table. */
    private static final MethodHandle NEW_GHASH;
    /** The {@code subkeyHtbl} getter, typed {@code (Object)long[]}. */
    private static final MethodHandle SUBKEY_HTBL;

    /** Why the JDK's GHASH is not used, or null when it is. */
    static final String UNAVAILABLE_BECAUSE;
    /** Whether {@link Ghash#forKey} uses this class. */
    static final boolean AVAILABLE;

    static {
        MethodHandle process = null;
        MethodHandle create = null;
        MethodHandle table = null;
        String why;
        try {
            Class<?> ghash = Class.forName("com.sun.crypto.provider.GHASH");
            MethodHandles.Lookup jdk = MethodHandles.privateLookupIn(ghash, MethodHandles.lookup());
            process = jdk.findStatic(
                    ghash,
                    "processBlocks",
                    MethodType.methodType(void.class, byte[].class, int.class, int.class, long[].class, long[].class));
            create = jdk.findConstructor(ghash, MethodType.methodType(void.class, byte[].class))
                    .asType(MethodType.methodType(Object.class, byte[].class));
            table = jdk.findGetter(ghash, "subkeyHtbl", long[].class)
                    .asType(MethodType.methodType(long[].class, Object.class));
            why = intrinsicEnabled()
                    ? null
                    : "the JVM runs without its GHASH intrinsic (-XX:-UseGHASHIntrinsics, or no carry-less multiply)";
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            why = JdkProvider.unreachable("GHASH", e);
        }
        PROCESS_BLOCKS = process;
        NEW_GHASH = create;
        SUBKEY_HTBL = table;
        UNAVAILABLE_BECAUSE = JdkProvider.verdict(
                why,
                JdkGhash::selfTest,
                LOG,
                "AES-GCM hashes with the JDK's GHASH intrinsic",
                "AES-GCM (SRTP AEAD_AES_128_GCM) hashes in pure "
                        + "Java, several times slower than by the JDK's carry-less multiply intrinsic");
        AVAILABLE = UNAVAILABLE_BECAUSE == null;
    }

    private final long[] subkeyHtbl;
    private final long[] state = new long[2];
    private final byte[] pad = new byte[16];

    JdkGhash(byte[] h) {
        try {
            Object ghash = (Object) NEW_GHASH.invokeExact(h);
            this.subkeyHtbl = (long[]) SUBKEY_HTBL.invokeExact(ghash);
        } catch (Throwable e) {
            throw new IllegalStateException("the JDK's GHASH is unavailable", e);
        }
    }

    @Override
    public void reset() {
        state[0] = 0;
        state[1] = 0;
    }

    @Override
    public void update(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        int whole = len & ~15;
        if (whole != 0) {
            blocks(b, off, whole >>> 4);
        }
        if (whole != len) {
            System.arraycopy(b, off + whole, pad, 0, len - whole);
            Arrays.fill(pad, len - whole, 16, (byte) 0);
            blocks(pad, 0, 1);
        }
    }

    @Override
    public void finish(long aadBytes, long textBytes, byte[] out) {
        Bytes.writeLong(pad, 0, aadBytes << 3);
        Bytes.writeLong(pad, 8, textBytes << 3);
        blocks(pad, 0, 1);
        Bytes.writeLong(out, 0, state[0]);
        Bytes.writeLong(out, 8, state[1]);
    }

    /** Y = (Y xor X_i) * H for {@code n} blocks from {@code b[off]}, which the caller has range-checked. */
    private void blocks(byte[] b, int off, int n) {
        try {
            PROCESS_BLOCKS.invokeExact(b, off, n, state, subkeyHtbl);
        } catch (Throwable e) {
            throw new IllegalStateException("the JDK's GHASH failed", e);
        }
    }

    /**
     * Whether C2 replaces {@code processBlocks}: {@code UseGHASHIntrinsics}, a diagnostic flag that is visible only
     * with {@code -XX:+UnlockDiagnosticVMOptions}; its default on x86 follows {@code UseCLMUL}, and elsewhere it is
     * on wherever the CPU has a carry-less multiply.
     */
    private static boolean intrinsicEnabled() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            for (String flag : new String[] {"UseGHASHIntrinsics", "UseCLMUL"}) {
                try {
                    return Boolean.parseBoolean(vm.getVMOption(flag).getValue());
                } catch (IllegalArgumentException notVisible) {
                    // locked, or not a flag of this architecture: the next one
                }
            }
            return true;
        } catch (RuntimeException | LinkageError noManagement) {
            return true;
        }
    }

    /**
     * Compares with {@link GaloisHash} under fixed keys (the first is SP 800-38D test case 2's H) on messages of
     * 0 to 9 blocks, every length of partial last block included; null when all agree.
     */
    private static String selfTest() {
        SplittableRandom rnd = new SplittableRandom(0x38D);
        byte[] h = Bytes.fromHex("66e94bd4ef8a2c3b884cfa59ca342b2e");
        byte[] message = new byte[160];
        byte[] expected = new byte[16];
        byte[] actual = new byte[16];
        for (int key = 0; key < 3; key++) {
            Ghash reference = new GaloisHash(h);
            Ghash jdk = new JdkGhash(h);
            for (int len = 0; len <= message.length; len += 7) {
                rnd.nextBytes(message);
                int aad = Math.min(len, rnd.nextInt(20));
                for (Ghash g : new Ghash[] {reference, jdk}) {
                    g.reset();
                    g.update(message, 0, aad);
                    g.update(message, aad, len - aad);
                    g.finish(aad, len - aad, g == jdk ? actual : expected);
                }
                if (!Arrays.equals(expected, actual)) {
                    return "the JDK's GHASH disagrees with GaloisHash in a self-test (H " + Bytes.hex(h, 0, 16) + ", "
                            + aad + " + " + (len - aad) + " bytes)";
                }
            }
            rnd.nextBytes(h);
        }
        return null;
    }
}
