package org.vertogw.media.srtp;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AES in counter mode by the JDK's own {@code com.sun.crypto.provider.CounterMode}, whose {@code implCrypt} C2
 * replaces with an AES-NI stub that keeps several blocks in flight. The JCA reaches it only through a CTR
 * {@code Cipher}, re-initialised (and allocating) for every IV; here one JDK CounterMode per key is driven
 * directly, through {@link MethodHandle}s in static final fields (as {@link JdkGhash} does): per packet the counter
 * block is written into the IV array the CounterMode was initialised with, and {@code reset()} restarts it there.
 * A context then holds two JDK objects and the key schedule, instead of a JCA cipher's five.
 * <p>
 * Takes the same {@code --add-opens java.base/com.sun.crypto.provider=ALL-UNNAMED} as {@link JdkGhash} (the gateway
 * jar's manifest gives it). {@link #AVAILABLE} is false, and {@link AesCtr#forKey} uses {@link AesCounterMode},
 * saying so once at INFO, when the package is not open, when the JDK's classes are not shaped as in JDK 17, or when a
 * self-test against {@link AesCounterMode} disagrees.
 */
final class JdkAesCtr implements AesCtr {

    private static final Logger LOG = LoggerFactory.getLogger(JdkAesCtr.class);

    /** {@code new CounterMode(new AESCrypt())}, typed {@code ()Object}. */
    private static final MethodHandle NEW_COUNTER_MODE;
    /** {@code init(boolean decrypting, String algorithm, byte[] key, byte[] iv)}, receiver typed Object. */
    private static final MethodHandle INIT;
    /** {@code reset()}: counter = iv, keystream used up. */
    private static final MethodHandle RESET;
    /** {@code encrypt(byte[] in, int inOff, int len, byte[] out, int outOff)int}, the path to the stub. */
    private static final MethodHandle ENCRYPT;

    static final String UNAVAILABLE_BECAUSE;
    static final boolean AVAILABLE;

    static {
        MethodHandle create = null;
        MethodHandle init = null;
        MethodHandle reset = null;
        MethodHandle encrypt = null;
        String why = null;
        try {
            Class<?> ctr = Class.forName("com.sun.crypto.provider.CounterMode");
            Class<?> aes = Class.forName("com.sun.crypto.provider.AESCrypt");
            Class<?> symmetric = Class.forName("com.sun.crypto.provider.SymmetricCipher");
            MethodHandles.Lookup jdk = MethodHandles.privateLookupIn(ctr, MethodHandles.lookup());
            MethodHandle newAes = jdk.findConstructor(aes, MethodType.methodType(void.class));
            MethodHandle newCtr = jdk.findConstructor(ctr, MethodType.methodType(void.class, symmetric));
            create = MethodHandles.filterReturnValue(newAes.asType(MethodType.methodType(symmetric)), newCtr)
                    .asType(MethodType.methodType(Object.class));
            init = jdk.findVirtual(
                            ctr,
                            "init",
                            MethodType.methodType(void.class, boolean.class, String.class, byte[].class, byte[].class))
                    .asType(MethodType.methodType(
                            void.class, Object.class, boolean.class, String.class, byte[].class, byte[].class));
            reset = jdk.findVirtual(ctr, "reset", MethodType.methodType(void.class))
                    .asType(MethodType.methodType(void.class, Object.class));
            encrypt = jdk.findVirtual(
                            ctr,
                            "encrypt",
                            MethodType.methodType(
                                    int.class, byte[].class, int.class, int.class, byte[].class, int.class))
                    .asType(MethodType.methodType(
                            int.class, Object.class, byte[].class, int.class, int.class, byte[].class, int.class));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            why = JdkProvider.unreachable("CounterMode", e);
        }
        NEW_COUNTER_MODE = create;
        INIT = init;
        RESET = reset;
        ENCRYPT = encrypt;
        UNAVAILABLE_BECAUSE = JdkProvider.verdict(
                why,
                JdkAesCtr::selfTest,
                LOG,
                "AES counter mode runs on the JDK's CounterMode",
                "AES counter mode (SRTP) runs through a JCA ECB " + "cipher, slower than the JDK's counter-mode stub");
        AVAILABLE = UNAVAILABLE_BECAUSE == null;
    }

    private final Object counterMode;
    /** The array the CounterMode was initialised with: {@code reset()} copies it into the counter. */
    private final byte[] iv = new byte[16];

    JdkAesCtr(byte[] key) {
        try {
            counterMode = (Object) NEW_COUNTER_MODE.invokeExact();
            INIT.invokeExact(counterMode, false, "AES", key, iv);
        } catch (Throwable e) {
            throw new IllegalStateException("the JDK's AES counter mode is unavailable", e);
        }
    }

    @Override
    public void apply(byte[] counterBlock, byte[] buf, int off, int len) {
        System.arraycopy(counterBlock, 0, iv, 0, 16);
        restart();
        crypt(buf, off, len);
    }

    @Override
    public void startGcm(byte[] j0, byte[] mask, int dataLength) {
        System.arraycopy(j0, 0, iv, 0, 16);
        restart();
        Arrays.fill(mask, 0, 16, (byte) 0);
        crypt(mask, 0, 16);
    }

    @Override
    public void xorData(byte[] buf, int off, int len) {
        crypt(buf, off, len);
    }

    @Override
    public byte[] hashSubkey() {
        byte[] h = new byte[16];
        apply(h.clone(), h, 0, 16); // the keystream at counter 0^128 over zeros: E(K, 0^128)
        return h;
    }

    private void restart() {
        try {
            RESET.invokeExact(counterMode);
        } catch (Throwable e) {
            throw new IllegalStateException("the JDK's AES counter mode failed", e);
        }
    }

    /** In place. The JDK's {@code crypt} checks the ranges and returns at once for nothing to do. */
    private void crypt(byte[] buf, int off, int len) {
        try {
            int done = (int) ENCRYPT.invokeExact(counterMode, buf, off, len, buf, off);
            assert done == len;
        } catch (Throwable e) {
            throw new IllegalStateException("the JDK's AES counter mode failed", e);
        }
    }

    /** Compares with {@link AesCounterMode} on random keys, counters and lengths (AES-CM and GCM paths). */
    private static String selfTest() {
        SplittableRandom rnd = new SplittableRandom(0x3711);
        byte[] key = new byte[16];
        byte[] counter = new byte[16];
        for (int round = 0; round < 4; round++) {
            rnd.nextBytes(key);
            rnd.nextBytes(counter);
            counter[14] = 0;
            counter[15] = 0;
            AesCtr reference = new AesCounterMode(new AesBlock(key));
            AesCtr jdk = new JdkAesCtr(key);
            for (int len = 0; len <= 300; len += 13) {
                byte[] a = new byte[len];
                rnd.nextBytes(a);
                byte[] b = a.clone();
                reference.apply(counter, a, 0, len);
                jdk.apply(counter, b, 0, len);
                byte[] ma = new byte[16];
                byte[] mb = new byte[16];
                reference.startGcm(counter, ma, len);
                reference.xorData(a, 0, len);
                jdk.startGcm(counter, mb, len);
                jdk.xorData(b, 0, len);
                if (!Arrays.equals(a, b) || !Arrays.equals(ma, mb)) {
                    return "the JDK's counter mode disagrees with AES/ECB in a self-test (" + len + " bytes)";
                }
            }
        }
        return null;
    }
}
