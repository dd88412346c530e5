package org.gridstack.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** A launcher script run as a process, its stdout and stderr read line by line as they come, so a test can wait for a line. */
final class WatchedProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    WatchedProcess(List<String> command, Path directory, Map<String, String> environment) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        pb.environment().putAll(environment);
        process = pb.start();
        Thread reader = new Thread(this::read, "watched-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException gone) {
            // the process ended
        }
        synchronized (this) {
            ended = true;
            notifyAll();
        }
    }

    /** Waits for a line matching {@code regex}; fails, with the output so far, if the output ends or the time passes first. */
    synchronized String awaitLine(String regex, long seconds) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int seen = 0; ; ) {
            for (; seen < lines.size(); seen++) {
                if (p.matcher(lines.get(seen)).find()) return lines.get(seen);
            }
            long left = end - System.nanoTime();
            if (ended || left <= 0) throw new AssertionError("no line matching " + regex + (ended ? " before the output ended" : " within " + seconds + " s") + ":\n" + output());
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits for the process and all its output; the exit status, or -1 if it did not end within the time. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) return -1;
        synchronized (this) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!ended && end - System.nanoTime() > 0) TimeUnit.NANOSECONDS.timedWait(this, end - System.nanoTime());
        }
        return process.exitValue();
    }

    /** Sends a signal ("TERM", "INT") to the process, as kill(1) does. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
    }

    long pid() {
        return process.pid();
    }

    synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    synchronized String output() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
