package org.vertogw.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process a test starts, waits for, kills and restarts (a gateway, an island, a peer): it keeps what the process
 * prints, optionally in a log file too, and waits for a line that says it is ready. A test JVM that ends before its
 * tests close their processes (a timeout, an interrupted build) still kills every one it started, so no cluster
 * outlives its run.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "managed-process-reaper"));
    }

    private final String name;
    private final List<String> command;
    private final Path log;
    private final List<String> lines = new ArrayList<>();
    private Process process;

    /** @param logDir where {@code name.log} collects its output across restarts; null: kept in memory only */
    public ManagedProcess(String name, List<String> command, Path logDir) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = logDir == null ? null : logDir.resolve(name + ".log");
    }

    /** Starts it and waits (60 s at most) for the line matching {@code readyRegex}; returns its first group. */
    public String start(String readyRegex) throws IOException {
        synchronized (lines) {
            lines.clear();
        }
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Process p = process;
        LIVE.add(p);
        p.onExit().thenRun(() -> LIVE.remove(p));
        Thread t = new Thread(() -> collect(p), name + "-output");
        t.setDaemon(true);
        t.start();
        return awaitLine(readyRegex, Duration.ofSeconds(60));
    }

    private void collect(Process p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter w = log == null
                        ? null
                        : new PrintWriter(Files.newBufferedWriter(
                                log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (w != null) {
                    w.println(l);
                    w.flush();
                }
                synchronized (lines) {
                    lines.add(l);
                    lines.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // the process went away
        }
    }

    /** {@link #awaitLine(String, Duration)} within 30 s. */
    public String awaitLine(String regex) {
        return awaitLine(regex, Duration.ofSeconds(30));
    }

    /** Waits for a printed line matching {@code regex}; returns its first group, or the line when it has none. */
    public String awaitLine(String regex, Duration within) {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (lines) {
            while (true) {
                for (String l : lines) {
                    Matcher m = pattern.matcher(l);
                    if (m.find()) {
                        return m.groupCount() > 0 ? m.group(1) : l;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive()) {
                    throw new AssertionError(name + ": no line matching " + regex
                            + (log != null ? " (see " + log + ")" : " in:\n" + String.join("\n", lines)));
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    public List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** SIGKILL: the process dies the way a crashed server does, without closing anything. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    /** SIGTERM, then SIGKILL after 10 s. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** Runs a command to completion with {@code stdin}; its exit code and what it printed on each stream. */
    public static Result run(List<String> command, String stdin) throws Exception {
        Process p = new ProcessBuilder(command).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("command did not finish: " + command);
        }
        return new Result(p.exitValue(), out.get(), err.get());
    }

    public record Result(int exit, String stdout, String stderr) {}

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
