package org.gridstack.plugin.ij1;

import ij.Macro;
import ij.macro.Interpreter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import org.gridstack.grid.EmbeddedGrid;
import org.gridstack.plugin.GridService;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * Runs ImageJ 1 headless with Grid Stack, taking Fiji's command-line style:
 * {@code --headless -macro FILE ['ARGS']}, {@code --headless -batch FILE ['ARGS']},
 * {@code --headless --run "Command Label" ["key=value ..."]}, {@code --headless --eval 'macro code'}.
 * Exits 0 on success and 1 when the macro or a command failed (the reason is printed).
 * Started by scripts/gridstack, which adds the JVM options and the ij1-patcher agent.
 */
public final class HeadlessMain {
    private HeadlessMain() {}

    public static void main(String[] args) {
        // One FFT per core beats JTransforms' own threads (from T = 8192 on). Process-wide, so only a launcher sets it.
        ConcurrencyUtils.setNumberOfThreads(1);
        int status;
        try {
            status = run(args);
        } catch (RuntimeException e) {
            System.err.println("gridstack: " + e.getMessage());
            status = 2;
        }
        EmbeddedGrid.stop();
        System.exit(status);
    }

    static int run(String[] args) {
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
                    return runMacro(readMacro(file), arg);
                }
                case "--run": {
                    String command = need(args, ++i, "a command label");
                    String options = i + 1 < args.length ? args[++i] : "";
                    return runMacro("run(\"" + quote(command) + "\", \"" + quote(options) + "\");", "");
                }
                case "--eval":
                case "-eval":
                    return runMacro(need(args, ++i, "macro code"), "");
                default:
                    throw new IllegalArgumentException("unknown argument '" + args[i] + "' in " + Arrays.toString(args)
                            + "; use --headless -macro FILE 'ARGS' or --headless --run \"Command\" \"key=value ...\"");
            }
        }
        throw new IllegalArgumentException("nothing to run: use --headless -macro FILE 'ARGS' or --run \"Command\" \"key=value ...\"");
    }

    /** 1 if the macro had an error or a Grid Stack command failed; a macro's own exit() is not a failure. */
    private static int runMacro(String code, String arg) {
        Interpreter interpreter = new Interpreter();
        try {
            interpreter.run(code, arg);
        } catch (RuntimeException e) {
            if (!Macro.MACRO_CANCELED.equals(e.getMessage())) throw e;
        }
        return interpreter.wasError() || SciJavaContexts.get().service(GridService.class).lastFailure() != null ? 1 : 0;
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
}
