package org.gridstack.ops;

import java.io.File;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.GridStackException;
import org.gridstack.store.ArrayCatalog;

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

    /**
     * The origin of a result computed from the array named {@code parent} ({@link org.gridstack.array.Recipe#origin()}):
     * "recenter of 'em'". One format for every command, so that {@link #fresh} can tell a source's results.
     */
    public static String derivedOrigin(String operation, String parent) {
        return operation + " of '" + parent + "'";
    }

    /**
     * The name of a result given none: {@code base}, unless an array of that name exists that is not an earlier
     * result computed from {@code source} (only such a result may be replaced or finished, see
     * {@link OperationContext#place}); then, as ImageJ names a window whose title is taken, the first of
     * {@code base-1}, {@code base-2}, ... that is free or is such a result.
     */
    public static String fresh(ArrayCatalog catalog, String base, String source) {
        String ofSource = derivedOrigin("", source);
        for (int i = 0; ; i++) {
            String name = i == 0 ? base : base + "-" + i;
            ArrayMeta existing = catalog.find(name);
            if (existing == null || existing.recipe().origin().endsWith(ofSource)) return name;
        }
    }

    /** A default array name for a source: the folder's or file's name without extension and index pattern. */
    public static String fromSource(String source) {
        String s = source.trim().replaceAll("[/\\\\]+$", "");
        String base = new File(s).getName();
        base = base.replaceAll("\\.(?i)(tiff?|png|jpe?g)$", "").replaceAll("_?%[0-9]*d", "").replaceAll("[_\\-.]+$", "");
        return base.isEmpty() ? "stack" : base;
    }
}
