package org.gridstack.plugin.ij1;

import ij.IJ;
import ij.Macro;
import ij.macro.Interpreter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gridstack.plugin.macro.ImageJLanes;
import org.gridstack.grid.EmbeddedGrid;
import org.gridstack.plugin.GridService;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * Runs ImageJ 1 headless with Grid Stack, taking Fiji's command-line style:
 * {@code --headless -macro FILE ['ARGS']}, {@code --headless -batch FILE ['ARGS']},
 * {@code --headless --run "Command Label" ["key=value ..."]}, {@code --headless --eval 'macro code'}.
 * Started by scripts/gridstack, which adds the JVM options and ImageJ patched for headless use (a pre-patched jar,
 * or the ij1-patcher agent).
 * <p>
 * Exit status: 0 when everything succeeded; 1 when anything failed during the run, even if the macro went on
 * afterwards (a failure inside eval() or runMacro(), say): a Grid Stack command that failed (as recorded in the
 * {@link GridService}), a macro error in any interpreter (syntax or runtime, also one ImageJ does not print), an
 * IJ.error, or an exception handed to IJ.handleException; 2 for a bad command line. A macro's own exit() is not a
 * failure. Each failure is printed once on stderr, on one line starting with "gridstack: ", instead of ImageJ's
 * multi-line "Macro Error" text. Ctrl-C and SIGTERM stop the run within seconds, with one line and the status
 * 130 or 143: see {@link HeadlessStop}.
 */
public final class HeadlessMain {
    private static final String PREFIX = "gridstack: ";

    private HeadlessMain() {}

    public static void main(String[] args) {
        // One FFT per core beats JTransforms' own threads (from T = 8192 on). Process-wide, so only a launcher sets it.
        ConcurrencyUtils.setNumberOfThreads(1);
        Failures failures = new Failures(System.err);
        HeadlessStop stop = new HeadlessStop(Thread.currentThread(), System.err, failures, failures::lastGridFailure);
        System.setErr(failures.filter());
        System.setOut(withoutLaneOutput(System.out));
        stop.install();
        int status;
        try {
            status = run(args, failures);
        } catch (RuntimeException e) {
            failures.report(String.valueOf(e.getMessage()));
            status = 2;
        }
        stop.runEnded();
        EmbeddedGrid.stop();
        System.exit(status);
    }

    static int run(String[] args, Failures failures) {
        Interpreter.batchMode = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--headless":
                case "--ij2":
                case "--console":
                    break;
                case "-macro":
                case "-batch":
                case "--macro": {
                    String file = need(args, ++i, "a macro file");
                    String arg = i + 1 < args.length ? args[++i] : "";
                    return runMacro(readMacro(file), arg, failures);
                }
                case "--run": {
                    String command = need(args, ++i, "a command label");
                    String options = i + 1 < args.length ? args[++i] : "";
                    return runMacro("run(\"" + quote(command) + "\", \"" + quote(options) + "\");", "", failures);
                }
                case "--eval":
                case "-eval":
                    return runMacro(need(args, ++i, "macro code"), "", failures);
                default:
                    throw new IllegalArgumentException("unknown argument '" + args[i] + "' in " + Arrays.toString(args)
                            + "; use --headless -macro FILE 'ARGS' or --headless --run \"Command\" \"key=value ...\"");
            }
        }
        throw new IllegalArgumentException("nothing to run: use --headless -macro FILE 'ARGS' or --run \"Command\" \"key=value ...\"");
    }

    /** 1 if anything failed while the macro ran (see the class comment); a macro's own exit() is not a failure. */
    private static int runMacro(String code, String arg, Failures failures) {
        EarlyGridStart.ifUsedBy(code);
        GridService grid = SciJavaContexts.get().service(GridService.class);
        grid.setLastFailure(null);
        MacroErrors.clear();
        IJ.getErrorMessage(); // clears ImageJ's record of the last IJ.error
        failures.knownFrom(grid);
        IJ.setExceptionHandler(failures::exception);
        Interpreter interpreter = new Interpreter();
        try {
            interpreter.run(code, arg);
        } catch (RuntimeException e) {
            if (!Macro.MACRO_CANCELED.equals(e.getMessage())) throw e;
        }
        // What the run left behind that was not printed as it happened: a command failure in an interpreter that
        // ignores errors, a macro error ImageJ did not show (e.g. a function left open), an IJ.error outside run().
        String ijError = IJ.getErrorMessage();
        boolean failed = failures.any() || grid.lastFailure() != null || interpreter.wasError() || ijError != null;
        if (failed && !failures.any()) {
            if (grid.lastFailure() != null) failures.report(grid.lastFailure());
            else if (interpreter.wasError()) failures.report("Macro Error: " + (interpreter.getErrorMessage() == null ? "the macro failed" : interpreter.getErrorMessage()));
            else failures.report(ijError);
        }
        return failed ? 1 : 0;
    }

    private static String readMacro(String file) {
        try {
            return Files.readString(Paths.get(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read macro file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String need(String[] args, int i, String what) {
        if (i >= args.length) throw new IllegalArgumentException("missing " + what + " after " + args[i - 1]);
        return args[i];
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * {@code out} without what users' macros print while they run on the grid (headless, ImageJ prints every
     * Measure row): thousands of slices would bury the run's own output.
     */
    private static PrintStream withoutLaneOutput(PrintStream out) {
        return new PrintStream(out, true) {
            @Override
            public void println(String x) {
                if (!ImageJLanes.isLaneThread()) super.println(x);
            }

            @Override
            public void print(String x) {
                if (!ImageJLanes.isLaneThread()) super.print(x);
            }
        };
    }

    /**
     * The run's failures, each printed once on stderr as one line. Headless, ImageJ prints a macro error as
     * "Macro Error: MESSAGE in line N", a blank line and the code around it, all to stderr in one println; the
     * filter turns that into one line, and when MESSAGE is a failure Grid Stack already knows (a command's, or one
     * a macro raised through {@link MacroErrors}), into that message alone.
     */
    static final class Failures {
        private final PrintStream err;
        private final List<String> reported = new ArrayList<>();
        private GridService grid;
        private boolean muted;

        Failures(PrintStream err) {
            this.err = err;
        }

        void knownFrom(GridService service) {
            grid = service;
        }

        synchronized boolean any() {
            return !reported.isEmpty();
        }

        /** The last failure of a Grid Stack command, once a run has begun. */
        String lastGridFailure() {
            return grid == null ? null : grid.lastFailure();
        }

        /** From now on failures are recorded, not printed (a stop says what happened, in one line). */
        synchronized void mute() {
            muted = true;
        }

        synchronized void report(String failure) {
            String line = oneLine(failure);
            if (reported.contains(line)) return;
            reported.add(line);
            if (muted) return;
            err.println(PREFIX + line);
            err.flush();
        }

        void exception(Throwable e) {
            if (Macro.MACRO_CANCELED.equals(e.getMessage())) return;
            Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
            StackTraceElement[] at = cause.getStackTrace();
            report(cause + (at.length > 0 ? " (at " + at[0] + ")" : ""));
        }

        /** System.err with ImageJ's macro error text turned into one line. */
        PrintStream filter() {
            return new PrintStream(err, true) {
                @Override
                public void println(String x) {
                    if (ImageJLanes.isLaneThread()) return; // a user's macro on the grid: its failure is its command's
                    if (x != null && x.startsWith("Macro Error: ")) macroError(x.substring("Macro Error: ".length()));
                    else super.println(x);
                }
            };
        }

        /** ImageJ's text is "MESSAGE in line N" (MESSAGE may span lines), "(called from ...)" lines, " ", the code. */
        private void macroError(String text) {
            int separator = text.lastIndexOf("\n \n");
            String head = oneLine(separator < 0 ? text : text.substring(0, separator));
            String code = separator < 0 ? "" : oneLine(text.substring(separator + 3));
            for (String known : new String[] {grid == null ? null : grid.lastFailure(), MacroErrors.lastRaised()}) {
                if (known != null && (head.equals(oneLine(known)) || head.startsWith(oneLine(known) + " in line "))) {
                    report(known);
                    return;
                }
            }
            report("Macro Error: " + head + (code.isEmpty() ? "" : ": " + code));
        }

        private static String oneLine(String s) {
            return s == null ? "failed" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
        }
    }
}
