package org.gridstack.plugin.ij1;

import ij.macro.Interpreter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridstack.base.GridStackException;

/**
 * A macro options string as ImageJ writes it ({@code key=value key=[value with spaces] key='value' flag}), read
 * whole and strictly: every key must be one the command has, none given twice, every bracket closed. ImageJ's
 * own lookup ({@code Macro.getValue}) searches the string for {@code key=}, so a misspelt key, a key given twice
 * or one found inside another's [value] goes unnoticed; here each is an error that names it.
 */
final class MacroOptions {
    private MacroOptions() {}

    /**
     * Key to raw value, in the order given; a key given without "=value" (a checkbox switched on) maps to null.
     * Fails on unknown, repeated or malformed keys.
     */
    static Map<String, String> parse(String options, Collection<String> keys) {
        Map<String, String> given = new LinkedHashMap<>();
        String s = options == null ? "" : options;
        int i = 0, n = s.length();
        while (i < n) {
            if (s.charAt(i) == ' ') {
                i++;
                continue;
            }
            int start = i;
            while (i < n && s.charAt(i) != ' ' && s.charAt(i) != '=') i++;
            String key = s.substring(start, i);
            String value = null;
            if (i < n && s.charAt(i) == '=') {
                i++;
                int end;
                if (i < n && s.charAt(i) == '[') {
                    end = closingBracket(s, i);
                    if (end < 0) throw new GridStackException(key + ": the value's '[' has no closing ']' in \"" + s.trim() + "\"");
                    value = s.substring(i + 1, end);
                    i = end + 1;
                } else if (i < n && s.charAt(i) == '\'') {
                    end = s.indexOf('\'', i + 1);
                    if (end < 0) throw new GridStackException(key + ": the value's quote (') is not closed in \"" + s.trim() + "\"");
                    value = s.substring(i + 1, end);
                    i = end + 1;
                } else {
                    end = s.indexOf(' ', i);
                    if (end < 0) end = n;
                    value = s.substring(i, end);
                    i = end;
                }
            }
            if (!keys.contains(key)) {
                throw new GridStackException("unknown key '" + key + "' (" + (keys.isEmpty() ? "this command takes no keys" : "the keys are: " + String.join(", ", keys)) + ")");
            }
            if (given.containsKey(key)) throw new GridStackException(key + " is given twice");
            given.put(key, value);
        }
        return given;
    }

    /**
     * A value "&amp;name" stands for the calling macro's variable of that name, as in ImageJ's GenericDialog;
     * any other value (or a name the macro has no variable for) is taken as typed.
     */
    static String resolveVariable(String value) {
        if (value == null || value.length() < 2 || value.charAt(0) != '&') return value;
        Interpreter interpreter = Interpreter.getInstance();
        String variable = interpreter == null ? null : interpreter.getVariableAsString(value.substring(1));
        return variable == null ? value : variable;
    }

    private static int closingBracket(String s, int open) {
        int depth = 0;
        for (int j = open; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '[') depth++;
            else if (c == ']' && --depth == 0) return j;
        }
        return -1;
    }
}
