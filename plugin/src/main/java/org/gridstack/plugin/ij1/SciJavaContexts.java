package org.gridstack.plugin.ij1;

import ij.IJ;
import org.gridstack.plugin.GridService;
import org.scijava.Context;
import org.scijava.command.CommandService;

/** The SciJava context to run commands in: Fiji's own when there is one, else a small one of our own. */
final class SciJavaContexts {
    private static Context own;

    private SciJavaContexts() {}

    static synchronized Context get() {
        if (isFiji()) {
            Object fiji = IJ.runPlugIn("org.scijava.Context", "");
            if (fiji instanceof Context) return (Context) fiji;
        }
        if (own == null) own = new Context(CommandService.class, GridService.class);
        return own;
    }

    /** imagej-legacy is what lets IJ.runPlugIn hand out Fiji's context; without it, that call would build a new one. */
    private static boolean isFiji() {
        try {
            Class.forName("net.imagej.legacy.LegacyService", false, IJ.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
