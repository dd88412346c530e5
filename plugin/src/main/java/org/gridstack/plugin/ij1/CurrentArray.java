package org.gridstack.plugin.ij1;

import ij.ImagePlus;
import ij.WindowManager;
import org.gridstack.base.GridStackException;

/**
 * The grid array an image shows, kept as an image property, so that a command given no array name works on the
 * current image's.
 */
public final class CurrentArray {
    private static final String PROPERTY = "gridstack.array";

    private CurrentArray() {}

    static void mark(ImagePlus imp, String array) {
        imp.setProperty(PROPERTY, array);
    }

    /** The array named by the user, or the one the current image shows when the name is blank. */
    public static String name(String typed) {
        if (typed != null && !typed.isBlank()) return typed.trim();
        ImagePlus current = WindowManager.getCurrentImage();
        Object name = current == null ? null : current.getProperty(PROPERTY);
        if (name == null) throw new GridStackException("name is empty and the current image is not a grid stack: give name=...");
        return name.toString();
    }
}
