package org.vertogw.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The product's fat jar ({@code app/target/verto-gateway.jar}) and the command lines that run it as the launcher
 * does: the build passes its path as the system property {@code gateway.jar}.
 */
public final class ProductJar {

    /** What the launcher passes to every JVM it starts (see bin/verto-gateway). */
    public static final List<String> JVM_OPTIONS =
            List.of("-XX:AutoBoxCacheMax=65536", "--add-opens", "java.base/com.sun.crypto.provider=ALL-UNNAMED");

    private ProductJar() {}

    public static Path path() {
        Path p = Path.of(System.getProperty("gateway.jar", "../app/target/verto-gateway.jar"));
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " is missing: run mvn package first");
        }
        return p;
    }

    /** {@code java <JVM options> <jvmArgs> -jar verto-gateway.jar <args>}. */
    public static List<String> command(List<String> jvmArgs, String... args) {
        return command(path(), jvmArgs, args);
    }

    /** The same with a jar of the caller's choice. */
    public static List<String> command(Path jar, List<String> jvmArgs, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_OPTIONS);
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A subcommand as a process of its own, its output kept in memory. */
    public static ManagedProcess process(String name, String... args) {
        return new ManagedProcess(name, command(List.of("-Xmx256m"), args), null);
    }

    /** Runs a subcommand to completion. */
    public static ManagedProcess.Result run(String stdin, String... args) throws Exception {
        return ManagedProcess.run(command(List.of(), args), stdin);
    }
}
