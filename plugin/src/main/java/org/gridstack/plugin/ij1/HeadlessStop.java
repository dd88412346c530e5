package org.gridstack.plugin.ij1;

import ij.macro.Interpreter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.gridstack.grid.StopSignals;

/**
 * What the headless launcher does on Ctrl-C (SIGINT) or SIGTERM, whatever is running. The running command is asked
 * to cancel ({@link IJProgress#isCancelled()}): its jobs stop between chunks and an array it was making stays
 * cataloged half-made, as after any cancel; the macro is aborted. A command that has not ended within
 * {@link #GRACE_MS} (one waiting on a fetch or a file, not on jobs) is interrupted. Then one line on stderr,
 * "gridstack: stopped by SIGTERM: " and the command's own message, and the JVM exits with 128 + the signal's
 * number, stopping the embedded grid on the way ({@link StopSignals} halts it if that hangs).
 *
 * <p>From the signal on, everything else the run would print is dropped: the threads being stopped would
 * otherwise end it with their traces and Ignite's long exception texts instead of that one line.
 */
final class HeadlessStop {
    static final long GRACE_MS = 2_000;
    static final long INTERRUPT_MS = 2_000;
    private static final int MAX_MESSAGE = 300;
    private static volatile boolean requested;

    private final Thread main;
    private final PrintStream err;
    private final HeadlessMain.Failures failures;
    private final Supplier<String> lastFailure;
    private final CountDownLatch runEnded = new CountDownLatch(1);

    /** {@code main}: the thread that runs the macro; {@code err}: the real stderr. */
    HeadlessStop(Thread main, PrintStream err, HeadlessMain.Failures failures, Supplier<String> lastFailure) {
        this.main = main;
        this.err = err;
        this.failures = failures;
        this.lastFailure = lastFailure;
    }

    /** Whether a signal asked the run to stop: every command's progress then reads as cancelled. */
    static boolean requested() {
        return requested;
    }

    void install() {
        StopSignals.install("gridstack: ", err, this::stop);
    }

    private void stop(String signal, int status) {
        String before = lastFailure.get();
        failures.mute();
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(sink);
        System.setErr(sink);
        requested = true;
        // ImageJ's abort can block (2 s measured while a command runs): not on this thread, which keeps the time
        Thread abort = new Thread(Interpreter::abort, "gridstack-macro-abort");
        abort.setDaemon(true);
        abort.start();
        boolean ended = await(GRACE_MS);
        if (!ended) {
            main.interrupt();
            ended = await(INTERRUPT_MS);
        }
        String failure = lastFailure.get();
        String why = failure != null && !Objects.equals(failure, before) ? ": " + shortened(failure)
                : ended ? "" : " (the running command did not end within " + (GRACE_MS + INTERRUPT_MS) / 1000 + " s)";
        err.println("gridstack: stopped by " + signal + why);
        err.flush();
        System.exit(status);
    }

    /**
     * Called by the main thread when the run has ended. While a stop is under way it never returns: the stop
     * says what happened and ends the JVM with the signal's status.
     */
    void runEnded() {
        runEnded.countDown();
        while (requested) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                // the stop ends the JVM; wait for it
            }
        }
    }

    private boolean await(long millis) {
        try {
            return runEnded.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** One line, and not Ignite's multi-kilobyte description of a task that ended with the grid. */
    private static String shortened(String message) {
        String line = message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + " ...";
    }
}
