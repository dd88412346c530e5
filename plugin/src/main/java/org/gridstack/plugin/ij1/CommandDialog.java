package org.gridstack.plugin.ij1;

import ij.Macro;
import ij.gui.GenericDialog;
import java.awt.GraphicsEnvironment;
import java.awt.TextField;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import org.gridstack.base.GridStackException;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

/**
 * A SciJava command's user inputs, read the ImageJ 1 way: from the macro options ("key=value", the key being the
 * input's field name, see {@link #key}) when a macro runs the command, else from a GenericDialog (which also records them). Services
 * and the context are injected, not asked for.
 * <p>
 * Every value is checked before the command runs, and a bad one fails with one message that names the key: an
 * unknown or repeated key, a choice that is not one of the choices, a number that is not one or is fractional
 * or out of its range ({@link NumberInput}), a required text left blank. ImageJ's GenericDialog would instead
 * fall back to the default choice, round or default a number, or ignore a misspelt key.
 */
final class CommandDialog {
    private final CommandInfo info;
    private final Map<String, ModuleItem<?>> inputs = new LinkedHashMap<>();
    /** Macro mode: key to raw value (null for a bare flag), as given. Null when a dialog was shown. */
    private Map<String, String> given;
    private GenericDialog dialog;
    private int numericField;

    CommandDialog(CommandInfo info) {
        this.info = info;
        for (ModuleItem<?> item : info.inputs()) {
            Class<?> type = item.getType();
            if (Service.class.isAssignableFrom(type) || Context.class.isAssignableFrom(type)) continue;
            ModuleItem<?> clash = inputs.put(key(item), item);
            if (clash != null) throw new IllegalStateException(info.getLabel() + ": inputs " + clash.getName() + " and " + item.getName() + " share the key " + key(item));
        }
    }

    /**
     * The macro key of an input: the command's field name, lower case. Explicit, so rewording a dialog label never
     * breaks a recorded macro (ImageJ's own plugins take the label's first word, which ties the two together).
     */
    static String key(ModuleItem<?> item) {
        return item.getName().toLowerCase(java.util.Locale.ROOT);
    }

    /** The inputs a user gives (services and the context left out), in the dialog's order. */
    java.util.Collection<ModuleItem<?>> items() {
        return inputs.values();
    }

    /**
     * Reads the macro options (checking their keys), or shows the dialog with the module's defaults; false if the
     * user cancelled. Headless without macro options there is no dialog to show: every input keeps its default.
     */
    boolean show(CommandModule module) {
        String options = Macro.getOptions();
        if (options == null && (inputs.isEmpty() || GraphicsEnvironment.isHeadless())) options = "";
        if (options != null) {
            given = MacroOptions.parse(options, inputs.keySet());
            return true;
        }
        dialog = new GenericDialog(info.getLabel().replace("...", ""));
        for (ModuleItem<?> item : inputs.values()) addField(item, module.getInput(item.getName()));
        dialog.showDialog();
        return !dialog.wasCanceled();
    }

    /** Sets the module's inputs from the macro options or the dialog; fails, naming the key, on a bad value. */
    void setInputs(CommandModule module) {
        numericField = 0;
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ModuleItem<?>> e : inputs.entrySet()) {
            ModuleItem<?> item = e.getValue();
            Object value = given != null ? fromMacro(e.getKey(), item, module.getInput(item.getName())) : fromDialog(e.getKey(), item);
            requireText(e.getKey(), item, value);
            values.put(item.getName(), value);
        }
        // All checked before any is set: a bad value leaves the module as it was.
        for (Map.Entry<String, Object> v : values.entrySet()) {
            module.setInput(v.getKey(), v.getValue());
            module.resolveInput(v.getKey());
        }
    }

    private Object fromMacro(String key, ModuleItem<?> item, Object fallback) {
        Class<?> type = item.getType();
        boolean present = given.containsKey(key);
        String raw = MacroOptions.resolveVariable(given.get(key));
        if (isBoolean(type)) {
            // ImageJ's rule: a checkbox is on when its key is given, off when it is left out.
            if (present && raw != null) {
                throw new GridStackException(key + " is a checkbox: write " + key + " alone to switch it on, leave it out for off (not " + key + "=" + raw + ")");
            }
            return present;
        }
        if (!present) return fallback;
        if (raw == null) throw new GridStackException(key + " needs a value: " + key + "=...");
        return convert(key, item, raw);
    }

    private Object fromDialog(String key, ModuleItem<?> item) {
        Class<?> type = item.getType();
        if (isBoolean(type)) return dialog.getNextBoolean();
        if (isNumber(type)) {
            double rounded = dialog.getNextNumber(); // keeps the dialog's order and records; the text is what counts
            Vector<TextField> fields = numericFields();
            String text = fields != null && numericField < fields.size() ? fields.get(numericField).getText() : Double.toString(rounded);
            numericField++;
            return convert(key, item, text);
        }
        if (hasChoices(item)) return convert(key, item, dialog.getNextChoice());
        return convert(key, item, dialog.getNextString());
    }

    @SuppressWarnings("unchecked")
    private Vector<TextField> numericFields() {
        return (Vector<TextField>) (Vector<?>) dialog.getNumericFields();
    }

    /** The typed text as the input's type: a number in its range, one of the choices, a file or the text. */
    private static Object convert(String key, ModuleItem<?> item, String text) {
        Class<?> type = item.getType();
        if (type == int.class || type == Integer.class) {
            return (int) NumberInput.whole(key, text, bound(item.getMinimumValue(), Integer.MIN_VALUE), bound(item.getMaximumValue(), Integer.MAX_VALUE));
        }
        if (type == long.class || type == Long.class) {
            return NumberInput.whole(key, text, bound(item.getMinimumValue(), Long.MIN_VALUE), bound(item.getMaximumValue(), Long.MAX_VALUE));
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            boolean single = type == float.class || type == Float.class;
            double limit = single ? Float.MAX_VALUE : Double.MAX_VALUE;
            double v = NumberInput.real(key, text, realBound(item.getMinimumValue(), -limit), realBound(item.getMaximumValue(), limit));
            return single ? (Object) (float) v : (Object) v;
        }
        if (hasChoices(item)) {
            List<String> choices = new ArrayList<>();
            for (Object c : item.getChoices()) choices.add(String.valueOf(c));
            if (!choices.contains(text)) {
                throw new GridStackException(key + " (" + (text.isBlank() ? "blank" : text) + ") must be one of: " + String.join(", ", choices));
            }
            return text;
        }
        return type == File.class ? new File(text) : text;
    }

    /** A required text input (the default for @Parameter) must not be blank. */
    private static void requireText(String key, ModuleItem<?> item, Object value) {
        if (!item.isRequired() || isBoolean(item.getType()) || isNumber(item.getType()) || hasChoices(item)) return;
        if (value == null || value.toString().isBlank()) {
            String what = item.getLabel() == null ? "" : " (" + item.getLabel() + ")";
            throw new GridStackException(key + " is required" + what + ": give " + key + "=...");
        }
    }

    private static long bound(Object limit, long fallback) {
        if (!(limit instanceof Number)) return fallback;
        double v = ((Number) limit).doubleValue();
        return (long) Math.max(Math.min(v, (double) Long.MAX_VALUE), (double) Long.MIN_VALUE);
    }

    private static double realBound(Object limit, double fallback) {
        return limit instanceof Number ? ((Number) limit).doubleValue() : fallback;
    }

    private static boolean isBoolean(Class<?> type) {
        return type == boolean.class || type == Boolean.class;
    }

    private static boolean isNumber(Class<?> type) {
        return type == int.class || type == long.class || type == Integer.class || type == Long.class
                || type == double.class || type == float.class || type == Double.class || type == Float.class;
    }

    private static boolean hasChoices(ModuleItem<?> item) {
        return item.getChoices() != null && !item.getChoices().isEmpty();
    }

    private void addField(ModuleItem<?> item, Object value) {
        Class<?> type = item.getType();
        String label = item.getLabel() == null ? item.getName() : item.getLabel();
        if (isBoolean(type)) {
            dialog.addCheckbox(label, Boolean.TRUE.equals(value));
        } else if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            dialog.addNumericField(label, value == null ? 0 : ((Number) value).doubleValue(), 0);
        } else if (isNumber(type)) {
            dialog.addNumericField(label, value == null ? 0 : ((Number) value).doubleValue(), 3);
        } else if (hasChoices(item)) {
            String[] names = item.getChoices().stream().map(String::valueOf).toArray(String[]::new);
            dialog.addChoice(label, names, value == null ? names[0] : value.toString());
        } else if (type == File.class || hasStyle(item, "open") || hasStyle(item, "save")) {
            dialog.addFileField(label, value == null ? "" : value.toString());
        } else if (hasStyle(item, "directory")) {
            dialog.addDirectoryField(label, value == null ? "" : value.toString());
        } else {
            dialog.addStringField(label, value == null ? "" : value.toString(), 40);
        }
    }

    /** Whether a text input is a path (SciJava's file widget styles): its field gets a Browse button. */
    private static boolean hasStyle(ModuleItem<?> item, String style) {
        String styles = item.getWidgetStyle();
        return styles != null && java.util.Arrays.asList(styles.split(",")).contains(style);
    }
}
