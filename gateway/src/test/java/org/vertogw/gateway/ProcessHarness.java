package org.vertogw.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code verto-gateway.jar} subcommands as real processes and reads what they print. */
final class ProcessHarness implements AutoCloseable {

    static Path jar() {
        Path p = Path.of(System.getProperty("gateway.jar", "target/verto-gateway.jar"));
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " is missing: run mvn package first");
        }
        return p;
    }

    final Process process;
    private final List<String> lines = new ArrayList<>();

    private ProcessHarness(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    synchronized (lines) {
                        lines.add(l);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // process gone
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    static ProcessHarness start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        return new ProcessHarness(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits for a printed line matching {@code regex} and returns its first group. */
    String await(String regex) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (lines) {
            while (true) {
                for (String l : lines) {
                    Matcher m = p.matcher(l);
                    if (m.find()) {
                        return m.groupCount() > 0 ? m.group(1) : l;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && lines.stream().noneMatch(l -> p.matcher(l).find())) {
                    if (left <= 0 || !process.isAlive()) {
                        throw new AssertionError("no line matching " + regex + " in: " + String.join("\n", lines));
                    }
                }
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
    }

    /** Kills the process the hard way, like a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Runs a command to completion with {@code stdin} and returns exit code and output. */
    static Result run(String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("command did not finish: " + cmd);
        }
        return new Result(p.exitValue(), out.get(), err.get());
    }

    record Result(int exit, String stdout, String stderr) {}

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
