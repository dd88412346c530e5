package org.gridstack.ops;

import java.io.File;
import org.gridstack.base.GridStackException;

/** The names users give grid arrays: checked, trimmed, and chosen for them when they leave one blank. */
public final class ArrayNames {
    private ArrayNames() {}

    public static String check(String name) {
        if (name == null || name.isBlank()) throw new GridStackException("name is empty: give the grid array a name");
        return name.trim();
    }

    /** A result's name: given, and not the name of the array it is computed from. */
    public static String target(String source, String target) {
        String name = check(target);
        if (name.equals(source)) throw new GridStackException("the result needs a new name, not the source's ('" + source + "')");
        return name;
    }

    /** A default array name for a source: the folder's or file's name without extension and index pattern. */
    public static String fromSource(String source) {
        String s = source.trim().replaceAll("[/\\\\]+$", "");
        String base = new File(s).getName();
        base = base.replaceAll("\\.(?i)(tiff?|png|jpe?g)$", "").replaceAll("_?%[0-9]*d", "").replaceAll("[_\\-.]+$", "");
        return base.isEmpty() ? "stack" : base;
    }
}
