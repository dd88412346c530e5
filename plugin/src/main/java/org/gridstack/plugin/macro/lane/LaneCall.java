package org.gridstack.plugin.macro.lane;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.Macro;
import ij.WindowManager;
import ij.macro.Interpreter;
import ij.measure.ResultsTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.script.Bindings;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;

/**
 * Runs one macro or script call inside an isolated ImageJ 1 (see {@code IsolatedImageJ}): this class is loaded by
 * that ImageJ's class loader, so every {@code ij.*} it touches — the macro interpreter's static state, the current
 * image, the Results table — belongs to this lane alone. It therefore talks to the outside only in JDK types: a
 * map in, a map out (keys in {@link LaneKeys}).
 *
 * <p>The image the code sees is the slice (or small stack) as an ImagePlus made current, as Process › Batch › Macro
 * does; what it leaves is the image current at its end (a new one it made, or the input changed in place). Measuring,
 * the rows it leaves in the Results table are the answer.
 */
public final class LaneCall implements Function<Map<String, Object>, Map<String, Object>> {
    public LaneCall() {
        // A lane is one of as many as there are cores: filters that split an image over threads of their own
        // (Gaussian Blur, ...) would only contend with the other lanes.
        ij.Prefs.setThreads(1);
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> in) {
        int width = (Integer) in.get(LaneKeys.WIDTH), height = (Integer) in.get(LaneKeys.HEIGHT);
        ImageStack stack = new ImageStack(width, height);
        for (Object pixels : (Object[]) in.get(LaneKeys.SLICES)) stack.addSlice(null, pixels);
        ImagePlus image = new ImagePlus((String) in.get(LaneKeys.TITLE), stack);
        boolean measure = Boolean.TRUE.equals(in.get(LaneKeys.MEASURE));
        ResultsTable.getResultsTable().reset();
        IJ.getErrorMessage(); // forgets an earlier call's error
        List<Throwable> exceptions = new ArrayList<>();
        IJ.setExceptionHandler(exceptions::add);
        Map<String, Object> out = new HashMap<>();
        Object[] result = "groovy".equals(in.get(LaneKeys.LANGUAGE))
                ? runGroovy((String) in.get(LaneKeys.CODE), image, measure)
                : runMacro((String) in.get(LaneKeys.CODE), image);
        ImagePlus left = (ImagePlus) result[0];
        String error = (String) result[1];
        if (error == null && !exceptions.isEmpty()) error = describe(exceptions.get(0));
        if (error == null) error = IJ.getErrorMessage();
        if (error != null) {
            out.put(LaneKeys.ERROR, error);
            return out;
        }
        if (measure) {
            out.put(LaneKeys.ROWS, result[2] != null ? result[2] : rows(ResultsTable.getResultsTable()));
            return out;
        }
        if (left == null) {
            out.put(LaneKeys.ERROR, "it left no image open");
            return out;
        }
        ImageStack leftStack = left.getStack();
        Object[] slices = new Object[leftStack.getSize()];
        for (int i = 0; i < slices.length; i++) slices[i] = leftStack.getPixels(i + 1);
        out.put(LaneKeys.SLICES, slices);
        out.put(LaneKeys.WIDTH, left.getWidth());
        out.put(LaneKeys.HEIGHT, left.getHeight());
        out.put(LaneKeys.BIT_DEPTH, left.getBitDepth());
        return out;
    }

    /** {image left, error or null, null}, as Process › Batch › Macro runs a macro. */
    private static Object[] runMacro(String code, ImagePlus image) {
        WindowManager.setTempCurrentImage(image);
        Interpreter interpreter = new Interpreter();
        try {
            ImagePlus left = interpreter.runBatchMacro(code, image);
            return new Object[] {left, interpreter.wasError() ? macroError(interpreter) : null, null};
        } catch (RuntimeException e) {
            if (interpreter.wasError() || Macro.MACRO_CANCELED.equals(e.getMessage())) {
                return new Object[] {null, interpreter.wasError() ? macroError(interpreter) : "the macro was aborted", null};
            }
            interpreter.abortMacro();
            return new Object[] {null, describe(e), null};
        } finally {
            WindowManager.setTempCurrentImage(null);
        }
    }

    private static String macroError(Interpreter interpreter) {
        String message = interpreter.getErrorMessage() == null ? "macro error" : interpreter.getErrorMessage();
        return message + " in line " + errorLine(interpreter);
    }

    /** The line ImageJ names in its own error dialog: a field without a getter (getLineNumber() has moved on by then). */
    private static int errorLine(Interpreter interpreter) {
        try {
            java.lang.reflect.Field line = Interpreter.class.getDeclaredField("lineNumber");
            line.setAccessible(true);
            return line.getInt(interpreter);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return interpreter.getLineNumber();
        }
    }

    /**
     * {image left, error or null, rows or null}: the script sees {@code imp}; what it returns is its image when it is
     * an ImagePlus, its rows when measuring and it is a map (one row) or a list of maps; else {@code imp} is kept.
     */
    private static Object[] runGroovy(String code, ImagePlus image, boolean measure) {
        ScriptEngine engine = new ScriptEngineManager(LaneCall.class.getClassLoader()).getEngineByName("groovy");
        if (engine == null) return new Object[] {null, "no Groovy script engine on this node's classpath", null};
        Bindings bindings = engine.createBindings();
        bindings.put("imp", image);
        try {
            Object value = engine.eval(code, bindings);
            if (value instanceof ImagePlus) return new Object[] {value, null, null};
            if (measure && value instanceof Map) return new Object[] {image, null, List.of(row((Map<?, ?>) value))};
            if (measure && value instanceof List) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Object r : (List<?>) value) rows.add(row((Map<?, ?>) r));
                return new Object[] {image, null, rows};
            }
            return new Object[] {image, null, null};
        } catch (ScriptException e) {
            return new Object[] {null, e.getMessage(), null};
        } catch (RuntimeException e) {
            return new Object[] {null, describe(e), null};
        }
    }

    private static Map<String, Object> row(Map<?, ?> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        values.forEach((k, v) -> row.put(String.valueOf(k), v instanceof Number ? (Object) ((Number) v).doubleValue() : String.valueOf(v)));
        return row;
    }

    private static List<Map<String, Object>> rows(ResultsTable table) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String[] headings = table.getHeadings();
        for (int r = 0; r < table.size(); r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String heading : headings) {
                if (heading.equals(" ")) continue; // the row-number column
                if (heading.equals("Label")) {
                    row.put(heading, table.getLabel(r));
                    continue;
                }
                double value = table.getValue(heading, r);
                String text = table.getStringValue(heading, r);
                row.put(heading, Double.isNaN(value) && text != null && !text.equals("NaN") ? (Object) text : (Object) value);
            }
            rows.add(row);
        }
        return rows;
    }

    private static String describe(Throwable e) {
        StackTraceElement[] at = e.getStackTrace();
        return e + (at.length > 0 ? " (at " + at[0] + ")" : "");
    }
}
