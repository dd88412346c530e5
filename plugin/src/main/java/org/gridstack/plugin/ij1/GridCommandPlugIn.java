package org.gridstack.plugin.ij1;

import ij.IJ;
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
import org.scijava.module.ModuleException;

/**
 * The ImageJ 1 face of a Grid Stack SciJava command (named by the plugins.config argument): its inputs become a
 * {@link CommandDialog}, so the command shows a dialog, reads macro options and is recorded like any ImageJ
 * command. The command runs on the calling thread, so images it shows belong to the calling macro.
 */
public final class GridCommandPlugIn implements PlugIn {
    private static final String COMMANDS = "org.gridstack.plugin.commands.";

    @Override
    public void run(String commandClass) {
        Context context = SciJavaContexts.get();
        CommandInfo info = context.service(CommandService.class).getCommand(COMMANDS + commandClass);
        if (info == null) {
            IJ.error("Grid Stack", "no Grid Stack command " + commandClass);
            return;
        }
        CommandModule module;
        try {
            module = (CommandModule) info.createModule();
        } catch (ModuleException e) {
            IJ.handleException(e);
            return;
        }
        context.inject(module.getCommand());
        CommandDialog dialog = new CommandDialog(info);
        if (!dialog.show(module)) return;
        GridService grid = context.service(GridService.class);
        try {
            grid.setLastFailure(null);
            dialog.setInputs(module);
            module.run();
        } catch (RuntimeException e) {
            fail(grid, info.getLabel(), e);
        }
    }

    /**
     * One clear message; in a macro it also aborts the macro, like any ImageJ command that fails. The failure is
     * recorded first because in a macro IJ.error aborts by throwing.
     */
    private static void fail(GridService grid, String command, RuntimeException e) {
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
