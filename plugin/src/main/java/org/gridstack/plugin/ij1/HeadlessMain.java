package org.gridstack.plugin.ij1;

import ij.IJ;
import ij.macro.Interpreter;
import java.io.File;
import java.util.Arrays;
import org.gridstack.grid.EmbeddedGrid;

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
                    if (!new File(file).isFile()) throw new IllegalArgumentException("no such macro file: " + file);
                    return outcome(IJ.runMacroFile(new File(file).getAbsolutePath(), arg));
                }
                case "--run": {
                    String command = need(args, ++i, "a command label");
                    String options = i + 1 < args.length ? args[++i] : "";
                    return outcome(IJ.runMacro("run(\"" + quote(command) + "\", \"" + quote(options) + "\");"));
                }
                case "--eval":
                case "-eval":
                    return outcome(IJ.runMacro(need(args, ++i, "macro code")));
                default:
                    throw new IllegalArgumentException("unknown argument '" + args[i] + "' in " + Arrays.toString(args)
                            + "; use --headless -macro FILE 'ARGS' or --headless --run \"Command\" \"key=value ...\"");
            }
        }
        throw new IllegalArgumentException("nothing to run: use --headless -macro FILE 'ARGS' or --run \"Command\" \"key=value ...\"");
    }

    private static int outcome(String macroResult) {
        if (GridCommandPlugIn.lastError() != null) return 1;
        return "[aborted]".equals(macroResult) ? 1 : 0;
    }

    private static String need(String[] args, int i, String what) {
        if (i >= args.length) throw new IllegalArgumentException("missing " + what + " after " + args[i - 1]);
        return args[i];
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
