package org.gridstack.plugin.ij1;

import ij.Macro;
import ij.gui.GenericDialog;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.gridstack.base.GridStackException;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

/**
 * A SciJava command's user inputs as an ImageJ 1 GenericDialog, which reads macro options ("key=value", the key
 * being the label's first word) and records them. Services and the context are injected, not asked for.
 */
final class CommandDialog {
    private final CommandInfo info;
    private final List<ModuleItem<?>> inputs = new ArrayList<>();
    private GenericDialog dialog;

    CommandDialog(CommandInfo info) {
        this.info = info;
        for (ModuleItem<?> item : info.inputs()) {
            Class<?> type = item.getType();
            if (!Service.class.isAssignableFrom(type) && !Context.class.isAssignableFrom(type)) inputs.add(item);
        }
    }

    /** Shows the dialog, or reads the macro options, with the module's defaults; false if the user cancelled. */
    boolean show(CommandModule module) {
        if (inputs.isEmpty()) return true;
        dialog = new GenericDialog(info.getLabel().replace("...", ""));
        for (ModuleItem<?> item : inputs) addField(item, module.getInput(item.getName()));
        dialog.showDialog();
        return !dialog.wasCanceled();
    }

    /** Sets the module's inputs from the dialog; fails on a number that is not one or is out of bounds. */
    void setInputs(CommandModule module) {
        for (ModuleItem<?> item : inputs) {
            module.setInput(item.getName(), nextValue(item));
            module.resolveInput(item.getName());
        }
    }

    private void addField(ModuleItem<?> item, Object value) {
        Class<?> type = item.getType();
        String label = label(item);
        if (type == boolean.class || type == Boolean.class) {
            dialog.addCheckbox(label, Boolean.TRUE.equals(value));
        } else if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            dialog.addNumericField(label, value == null ? 0 : ((Number) value).doubleValue(), 0);
        } else if (type == double.class || type == float.class || type == Double.class || type == Float.class) {
            dialog.addNumericField(label, value == null ? 0 : ((Number) value).doubleValue(), 3);
        } else if (item.getChoices() != null && !item.getChoices().isEmpty()) {
            String[] names = item.getChoices().stream().map(String::valueOf).toArray(String[]::new);
            dialog.addChoice(label, names, value == null ? names[0] : value.toString());
        } else if (type == File.class) {
            dialog.addFileField(label, value == null ? "" : value.toString());
        } else {
            dialog.addStringField(label, value == null ? "" : value.toString(), 40);
        }
    }

    private Object nextValue(ModuleItem<?> item) {
        Class<?> type = item.getType();
        if (type == boolean.class || type == Boolean.class) return dialog.getNextBoolean();
        if (type == int.class || type == Integer.class) return (int) checkedNumber(item);
        if (type == long.class || type == Long.class) return (long) checkedNumber(item);
        if (type == double.class || type == Double.class) return checkedNumber(item);
        if (type == float.class || type == Float.class) return (float) checkedNumber(item);
        if (item.getChoices() != null && !item.getChoices().isEmpty()) return dialog.getNextChoice();
        String text = dialog.getNextString();
        return type == File.class ? new File(text) : text;
    }

    private double checkedNumber(ModuleItem<?> item) {
        double v = dialog.getNextNumber();
        String key = Macro.trimKey(label(item));
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

    private static String label(ModuleItem<?> item) {
        return item.getLabel() == null ? item.getName() : item.getLabel();
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
