package org.gridstack.plugin.ij1;

import java.math.BigDecimal;
import org.gridstack.base.GridStackException;

/**
 * The one parser for every number a user types: the numeric parameters of the commands (through
 * {@link CommandDialog}) and the number-or-blank text keys (crop, block, Plot Spectrum's x and y). Strict: text
 * that is not a number, a fraction where a whole number is asked for, or a value outside the allowed range fails
 * with one message naming the key, the value as typed and the range, e.g.
 * "first (2.7) must be a whole number from 0 to 2147483647". Nothing is rounded or defaulted silently.
 * Accepted forms are decimal numbers with an optional sign, fraction and exponent ("12", "-1", "2.0", "1e3").
 */
public final class NumberInput {
    private NumberInput() {}

    /** The whole number {@code text} means, from {@code min} to {@code max} inclusive. */
    public static long whole(String key, String text, long min, long max) {
        BigDecimal value = decimal(text);
        if (value == null || !isWhole(value) || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new GridStackException(key + " (" + shown(text) + ") must be a whole number from " + min + " to " + max);
        }
        return value.longValueExact();
    }

    /** The finite number {@code text} means, from {@code min} to {@code max} inclusive (infinite bounds: none). */
    public static double real(String key, String text, double min, double max) {
        BigDecimal value = decimal(text);
        double v = value == null ? Double.NaN : value.doubleValue();
        if (Double.isNaN(v) || Double.isInfinite(v) || v < min || v > max) {
            throw new GridStackException(key + " (" + shown(text) + ") must be " + range(min, max));
        }
        return v;
    }

    /** The whole-number range as the messages state it. */
    public static String wholeRange(long min, long max) {
        return "a whole number from " + min + " to " + max;
    }

    private static String range(double min, double max) {
        boolean low = !Double.isInfinite(min), high = !Double.isInfinite(max);
        if (low && high) return "a number from " + format(min) + " to " + format(max);
        if (low) return "a number of at least " + format(min);
        if (high) return "a number of at most " + format(max);
        return "a finite number";
    }

    /** The number written in {@code text}, or null if it is not one. */
    private static BigDecimal decimal(String text) {
        if (text == null) return null;
        String t = text.trim();
        // BigDecimal's grammar: optional sign, digits with an optional point, optional exponent; no hex, no NaN.
        if (t.isEmpty() || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,9})?")) return null;
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static boolean isWhole(BigDecimal v) {
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }

    private static String shown(String text) {
        return text == null || text.isBlank() ? "blank" : text.trim();
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
