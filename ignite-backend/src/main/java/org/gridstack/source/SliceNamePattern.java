package org.gridstack.source;

import java.io.Serializable;
import org.gridstack.base.GridStackException;

/**
 * A file or URL pattern with exactly one printf integer conversion ({@code %d}, {@code %5d} or {@code %05d}; {@code %%}
 * is a percent sign), checked once and then filled in for each slice index. It does not go through
 * {@code java.util.Formatter}: opening a stack formats a name per slice, and Formatter's regular expressions, hot
 * after a few thousand names, cost a fresh JVM most of a second of one core in JIT compilation.
 */
final class SliceNamePattern implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String pattern;
    private final String prefix;
    private final String suffix;
    private final int width;
    private final boolean zeros;

    private SliceNamePattern(String pattern, String prefix, String suffix, int width, boolean zeros) {
        this.pattern = pattern;
        this.prefix = prefix;
        this.suffix = suffix;
        this.width = width;
        this.zeros = zeros;
    }

    /** The pattern, or a GridStackException naming what is wrong with it. */
    static SliceNamePattern of(String pattern) {
        StringBuilder literal = new StringBuilder();
        String prefix = null, conversion = null;
        int conversions = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%') {
                literal.append(c);
            } else if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '%') {
                literal.append('%');
                i++;
            } else {
                int end = i + 1;
                while (end < pattern.length() && !Character.isLetter(pattern.charAt(end)) && pattern.charAt(end) != '%') end++;
                if (end == pattern.length() || pattern.charAt(end) == '%') {
                    throw bad(pattern, "a % must start a conversion like %05d, or be written %%");
                }
                String spec = pattern.substring(i + 1, end + 1);
                if (!spec.matches("0?\\d*d")) throw bad(pattern, "only an integer conversion like %05d is allowed, found %" + spec);
                if (spec.equals("0d")) throw bad(pattern, "%0d needs a width, as in %05d");
                if (++conversions == 1) {
                    prefix = literal.toString();
                    literal.setLength(0);
                    conversion = spec;
                }
                i = end;
            }
        }
        if (conversions != 1) {
            throw bad(pattern, "it needs exactly one slice number conversion like %05d, found " + conversions);
        }
        String digits = conversion.substring(0, conversion.length() - 1);
        int width;
        try {
            width = digits.isEmpty() ? 0 : Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw bad(pattern, "the width of %" + conversion + " is too large");
        }
        return new SliceNamePattern(pattern, prefix, literal.toString(), width, digits.startsWith("0"));
    }

    private static GridStackException bad(String pattern, String why) {
        return new GridStackException("bad pattern " + pattern + ": " + why);
    }

    /** The name of slice {@code index} (0 or more). */
    String name(int index) {
        String number = Integer.toString(index);
        StringBuilder name = new StringBuilder(prefix.length() + Math.max(width, number.length()) + suffix.length());
        name.append(prefix);
        for (int pad = number.length(); pad < width; pad++) name.append(zeros ? '0' : ' ');
        return name.append(number).append(suffix).toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
