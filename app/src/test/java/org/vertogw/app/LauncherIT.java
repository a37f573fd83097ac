package org.vertogw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertogw.testing.ManagedProcess;
import org.vertogw.testing.ProductJar;

/** {@code bin/verto-gateway}: the jar run with the JVM options the product needs, after a Java version check. */
class LauncherIT {

    private static final String NO_BOX_CACHE = "the JVM runs without -XX:AutoBoxCacheMax=65536";

    private static Path launcher() {
        return Path.of(System.getProperty("launcher", "../bin/verto-gateway"));
    }

    private static ManagedProcess.Result launch(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", launcher().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("VERTO_GATEWAY_JAR", ProductJar.path().toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        return new ManagedProcess.Result(p.waitFor(), out, err);
    }

    @Test
    void passesEveryArgumentToTheProduct(@TempDir Path dir) throws Exception {
        Path map = dir.resolve("map.json");
        Files.writeString(map, "{\"version\":1,\"islands\":[{\"id\":\"only\",\"verto\":\"wss://10.0.0.1:8082\"}]}");
        ManagedProcess.Result r =
                launch(Map.of(), "route", "--map", map.toString(), "--user", "1000", "--domain", "a.example");
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout().trim()).isEqualTo("{\"home\":\"only\",\"serving\":\"only\",\"key\":\"a.example\"}");
    }

    @Test
    void theDistributionRunsFromWhereverItIsUnpacked(@TempDir Path dir) throws Exception {
        Path tarball = Path.of(System.getProperty("distribution"));
        Process tar = new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", dir.toString())
                .inheritIO()
                .start();
        assertThat(tar.waitFor()).isZero();
        Path home;
        try (var entries = Files.list(dir)) {
            home = entries.findFirst().orElseThrow();
        }
        assertThat(home.resolve("lib/verto-gateway.jar")).exists();
        assertThat(home.resolve("LICENSE")).exists();
        assertThat(Files.isExecutable(home.resolve("bin/verto-gateway"))).isTrue();
        Path map = dir.resolve("map.json");
        Files.writeString(map, "{\"version\":1,\"islands\":[{\"id\":\"only\",\"verto\":\"wss://10.0.0.1:8082\"}]}");
        ProcessBuilder pb = new ProcessBuilder(
                home.resolve("bin/verto-gateway").toString(),
                "route",
                "--map",
                map.toString(),
                "--user",
                "1",
                "--domain",
                "x");
        pb.environment().remove("VERTO_GATEWAY_JAR");
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out.trim()).isEqualTo("{\"home\":\"only\",\"serving\":\"only\",\"key\":\"x\"}");
    }

    @Test
    void refusesAJavaOlderThan17_0_6AndSaysWhy(@TempDir Path dir) throws Exception {
        Path old = dir.resolve("java");
        Files.writeString(old, "#!/bin/sh\necho 'openjdk version \"17.0.5\" 2022-10-18' >&2\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));
        ManagedProcess.Result r = launch(Map.of("JAVA", old.toString()), "route");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).contains("Java 17.0.5").contains("17.0.6 or newer is required");
    }

    @Test
    void theMediaThreadsRunWithTheBoxCacheOnlyThroughTheLauncher() throws Exception {
        List<String> viaLauncher = List.of("bash", launcher().toString(), "island", "--id", "fs-9", "--port", "0");
        try (ManagedProcess launched = new ManagedProcess("launched", viaLauncher, null)) {
            launched.start("Island ready: fs-9");
            assertThat(launched.output()).noneMatch(l -> l.contains(NO_BOX_CACHE));
        }
        List<String> bare = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                ProductJar.path().toString(),
                "island",
                "--id",
                "fs-9",
                "--port",
                "0");
        try (ManagedProcess plain = new ManagedProcess("plain", bare, null)) {
            plain.start("Island ready: fs-9");
            plain.awaitLine(NO_BOX_CACHE, Duration.ofSeconds(5));
        }
    }
}
