package org.gridstack.plugin.ij1;

import ij.IJ;
import ij.Macro;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.gridstack.base.GridStackException;
import org.gridstack.plugin.GridService;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * The ImageJ 1 face of a Grid Stack SciJava command (named by the plugins.config argument): its inputs become a
 * {@link CommandDialog}, so the command shows a dialog, reads macro options and is recorded like any ImageJ
 * command. The command runs on the calling thread, so images it shows belong to the calling macro.
 * Any failure, from a bad input to a failed grid operation, ends in {@link #fail}: one message, recorded in the
 * {@link GridService} (where the headless launcher finds it for its exit status), and the calling macro aborted.
 */
public final class GridCommandPlugIn implements PlugIn {
    private static final String COMMANDS = "org.gridstack.plugin.commands.";

    @Override
    public void run(String commandClass) {
        Context context = SciJavaContexts.get();
        GridService grid = context.service(GridService.class);
        CommandInfo info = context.service(CommandService.class).getCommand(COMMANDS + commandClass);
        String label = info == null ? commandClass : info.getLabel();
        try {
            if (info == null) throw new GridStackException("no Grid Stack command " + commandClass);
            CommandModule module = (CommandModule) info.createModule();
            context.inject(module.getCommand());
            CommandDialog dialog = new CommandDialog(info);
            if (!dialog.show(module)) return;
            // Every input is checked before the command runs, so a bad one leaves the grid and its arrays untouched.
            dialog.setInputs(module);
            module.run();
        } catch (RuntimeException e) {
            fail(grid, label, e);
        } catch (Exception e) {
            fail(grid, label, new RuntimeException(e));
        }
    }

    /**
     * One clear message; in a macro it also aborts the macro, like any ImageJ command that fails. The failure is
     * recorded first because in a macro IJ.error aborts by throwing. The record stays until cleared (by the
     * launcher), so a later command that succeeds does not hide it.
     */
    private static void fail(GridService grid, String command, RuntimeException e) {
        if (Macro.MACRO_CANCELED.equals(e.getMessage())) {
            // ImageJ already reported an error raised inside the command (e.g. by its file writer) and is
            // unwinding the macro: record that the command failed and let the unwinding go on.
            grid.setLastFailure(command + ": stopped by the ImageJ error reported above");
            throw e;
        }
        GridStackException known = GridStackException.find(e);
        String message = command + ": " + (known != null ? known.getMessage() : e.toString());
        grid.setLastFailure(message);
        if (known == null) IJ.log(stackTrace(e));
        IJ.error("Grid Stack", message);
        if (Interpreter.getInstance() != null) Interpreter.abort();
    }

    private static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
