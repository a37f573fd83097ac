package org.vertogw.e2e.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One product process (a gateway or an island) that a test starts, kills and restarts; its output goes to a log. */
public final class ManagedProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Path log;
    private final List<String> lines = new ArrayList<>();
    private Process process;

    public ManagedProcess(String name, List<String> command, Path logDir) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = logDir.resolve(name + ".log");
    }

    /** Starts it and waits for the line that says it is ready. */
    public ManagedProcess start(String readyRegex) throws Exception {
        synchronized (lines) {
            lines.clear();
        }
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Process p = process;
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter w = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    w.println(l);
                    w.flush();
                    synchronized (lines) {
                        lines.add(l);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process went away
            }
        }, name + "-output");
        t.setDaemon(true);
        t.start();
        awaitLine(readyRegex, 60);
        return this;
    }

    public String awaitLine(String regex, int seconds) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
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
                    throw new AssertionError(name + ": no line matching " + regex + " (see " + log + ")");
                }
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
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

    public String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
