package org.gridstack.grid;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM for the launchers: the headless ImageJ and the server node. The first of them runs the
 * launcher's own stop on a thread of its own, and bounds it: if the JVM has not ended {@link #LIMIT_MS} later, it is
 * halted, so no stuck job, fetch or shutdown step can keep the process alive. A second signal halts it at once (a
 * user pressing Ctrl-C again). The exit status is the shell's for a signal: 128 + its number (130, 143).
 */
public final class StopSignals {
    public static final long LIMIT_MS = 10_000;
    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    /** A launcher's way to stop; it should end the JVM with {@code System.exit(status)}. */
    public interface Stop {
        void stop(String signal, int status);
    }

    private StopSignals() {}

    /** Handles SIGINT and SIGTERM with {@code stop}; {@code prefix} starts the line said when the JVM must be halted. */
    public static void install(String prefix, PrintStream err, Stop stop) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), s -> {
                    String signal = "SIG" + s.getName();
                    int status = 128 + s.getNumber();
                    if (!STOPPING.compareAndSet(false, true)) {
                        halt(err, prefix + signal + " again: halted", status);
                    }
                    haltAfter(LIMIT_MS, status, err, prefix + "not stopped within " + LIMIT_MS / 1000 + " s of " + signal + ": halted");
                    stop.stop(signal, status);
                });
            } catch (IllegalArgumentException e) {
                // the JVM keeps this signal (-Xrs, or a debugger): its default handling stays
            }
        }
    }

    /** Halts the JVM with {@code status} after {@code millis}, unless it has ended before. */
    public static void haltAfter(long millis, int status, PrintStream err, String line) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            halt(err, line, status);
        }, "gridstack-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void halt(PrintStream err, String line, int status) {
        err.println(line);
        err.flush();
        Runtime.getRuntime().halt(status);
    }
}
