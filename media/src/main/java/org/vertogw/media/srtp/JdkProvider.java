package org.vertogw.media.srtp;

import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * What {@link JdkGhash} and {@link JdkAesCtr} share in reaching the intrinsified internals of the JDK's provider
 * ({@code com.sun.crypto.provider}, a package java.base opens only on request): the option that opens it, why a
 * reflective failure makes the fast path unavailable, and the verdict, logged once.
 */
final class JdkProvider {

    static final String ADD_OPENS = "--add-opens java.base/com.sun.crypto.provider=ALL-UNNAMED";

    private JdkProvider() {}

    /** Why the handles on {@code className} could not be had. */
    static String unreachable(String className, Throwable e) {
        if (e instanceof IllegalAccessException) {
            return "java.base does not open com.sun.crypto.provider to this code: start java with " + ADD_OPENS
                    + " (java -jar verto-gateway.jar does so by its manifest)";
        }
        return "this JDK's com.sun.crypto.provider." + className + " differs from JDK 17's (" + e + ")";
    }

    /**
     * The final reason not to use the fast path, or null: {@code why} if already known, else the self-test's.
     * Logs the outcome: DEBUG when fast, INFO with the reason when not.
     */
    static String verdict(String why, Supplier<String> selfTest, Logger log, String fast, String slow) {
        if (why == null) {
            try {
                why = selfTest.get();
            } catch (RuntimeException e) {
                why = "its self-test failed (" + e + ")";
            }
        }
        if (why == null) {
            log.debug("{}", fast);
        } else {
            log.info("{}, because {}", slow, why);
        }
        return why;
    }
}
