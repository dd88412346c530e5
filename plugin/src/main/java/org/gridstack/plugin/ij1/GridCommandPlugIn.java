package org.gridstack.plugin.ij1;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.gridstack.base.GridStackException;
import org.gridstack.plugin.GridService;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleException;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

/**
 * The ImageJ 1 face of a Grid Stack SciJava command (named by the plugins.config argument): its inputs become a
 * GenericDialog, so the command shows a dialog, reads macro options ("key=value", the key being the label's first
 * word) and is recorded like any ImageJ command. The command runs on the calling thread, so images it shows
 * belong to the calling macro.
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
        List<ModuleItem<?>> inputs = userInputs(info);
        GenericDialog dialog = null;
        if (!inputs.isEmpty()) {
            dialog = new GenericDialog(info.getLabel().replace("...", ""));
            for (ModuleItem<?> item : inputs) addField(dialog, item, module.getInput(item.getName()));
            dialog.showDialog();
            if (dialog.wasCanceled()) return;
        }
        GridService grid = context.service(GridService.class);
        try {
            grid.setLastFailure(null);
            for (ModuleItem<?> item : inputs) {
                module.setInput(item.getName(), nextValue(dialog, item));
                module.resolveInput(item.getName());
            }
            module.run();
        } catch (RuntimeException e) {
            fail(grid, info.getLabel(), e);
        }
    }

    private static List<ModuleItem<?>> userInputs(CommandInfo info) {
        List<ModuleItem<?>> inputs = new ArrayList<>();
        for (ModuleItem<?> item : info.inputs()) {
            Class<?> type = item.getType();
            if (!Service.class.isAssignableFrom(type) && !Context.class.isAssignableFrom(type)) inputs.add(item);
        }
        return inputs;
    }

    private static void addField(GenericDialog dialog, ModuleItem<?> item, Object value) {
        Class<?> type = item.getType();
        String label = item.getLabel() == null ? item.getName() : item.getLabel();
        if (type == boolean.class || type == Boolean.class) {
            dialog.addCheckbox(label, Boolean.TRUE.equals(value));
        } else if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            dialog.addNumericField(label, value == null ? 0 : ((Number) value).doubleValue(), 0);
        } else if (type == double.class || type == float.class || type == Double.class || type == Float.class) {
            dialog.addNumericField(label, value == null ? 0 : ((Number) value).doubleValue(), 3);
        } else if (item.getChoices() != null && !item.getChoices().isEmpty()) {
            List<?> choices = item.getChoices();
            String[] names = choices.stream().map(String::valueOf).toArray(String[]::new);
            dialog.addChoice(label, names, value == null ? names[0] : value.toString());
        } else if (type == File.class) {
            dialog.addFileField(label, value == null ? "" : value.toString());
        } else {
            dialog.addStringField(label, value == null ? "" : value.toString(), 40);
        }
    }

    private static Object nextValue(GenericDialog dialog, ModuleItem<?> item) {
        Class<?> type = item.getType();
        if (type == boolean.class || type == Boolean.class) return dialog.getNextBoolean();
        if (type == int.class || type == Integer.class) return (int) checkedNumber(dialog, item);
        if (type == long.class || type == Long.class) return (long) checkedNumber(dialog, item);
        if (type == double.class || type == Double.class) return checkedNumber(dialog, item);
        if (type == float.class || type == Float.class) return (float) checkedNumber(dialog, item);
        if (item.getChoices() != null && !item.getChoices().isEmpty()) return dialog.getNextChoice();
        String text = dialog.getNextString();
        return type == File.class ? new File(text) : text;
    }

    private static double checkedNumber(GenericDialog dialog, ModuleItem<?> item) {
        double v = dialog.getNextNumber();
        String key = ij.Macro.trimKey(item.getLabel() == null ? item.getName() : item.getLabel());
        if (Double.isNaN(v)) throw new GridStackException(key + " is not a number");
        Object min = item.getMinimumValue();
        if (min != null && v < ((Number) min).doubleValue()) {
            throw new GridStackException(key + " (" + format(v) + ") must be " + min + " or more");
        }
        Object max = item.getMaximumValue();
        if (max != null && v > ((Number) max).doubleValue()) {
            throw new GridStackException(key + " (" + format(v) + ") must be " + max + " or less");
        }
        return v;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
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
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
