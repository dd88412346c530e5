package org.gridstack.plugin.ij1;

import ij.Macro;
import ij.macro.Interpreter;
import java.util.Arrays;
import org.gridstack.base.GridStackException;

/**
 * Lets an ImageJ macro fail on purpose, which the macro language itself cannot: {@code exit("...")} ends a macro
 * as a success, and there is no error() function. A macro calls
 * {@code call("org.gridstack.plugin.ij1.MacroErrors.error", "what is wrong")}: the macro stops there with a macro
 * error carrying that message, as if a statement had failed. ImageJ shows it as any macro error (a dialog in
 * Fiji), and the headless launcher (scripts/gridstack) prints it on one line and exits with 1.
 */
public final class MacroErrors {
    private static volatile String lastRaised;

    private MacroErrors() {}

    /** Stops the running macro with {@code message} as its error; outside a macro, throws it. */
    public static String error(String message) {
        lastRaised = message;
        Interpreter interpreter = Interpreter.getInstance();
        if (interpreter == null) throw new GridStackException(message);
        try {
            // Reports the error (dialog, or one line headless), marks the macro failed and done, and unwinds by
            // throwing. Unwinding through call() would show that throw as an exception with a stack trace, so it
            // ends here: the interpreter, now done, stops after this statement.
            interpreter.abort(message);
        } catch (RuntimeException e) {
            if (!Macro.MACRO_CANCELED.equals(e.getMessage())) throw e;
        }
        return null;
    }

    /**
     * For a macro's own arguments: stops the macro with an error when {@code arguments} (ImageJ's key=value
     * syntax) has a key not among {@code keys} (space-separated), a key given twice or an unclosed '[', the same
     * check the Grid Stack commands make. {@code usage} is added to the message.
     */
    public static String checkKeys(String arguments, String keys, String usage) {
        try {
            MacroOptions.parse(arguments, Arrays.asList(keys.trim().split("\\s+")));
        } catch (GridStackException e) {
            error(e.getMessage() + (usage == null || usage.isBlank() ? "" : "; " + usage));
        }
        return null;
    }

    /** The message of the latest {@link #error} call, so the launcher can print it without the macro's code. */
    static String lastRaised() {
        return lastRaised;
    }

    static void clear() {
        lastRaised = null;
    }
}
