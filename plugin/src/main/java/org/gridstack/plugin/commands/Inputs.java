package org.gridstack.plugin.commands;

import org.gridstack.base.GridStackException;

/** Inputs a user may leave blank to let Grid Stack choose: whole numbers (crop, block) and result names. */
final class Inputs {
    private Inputs() {}

    /** The typed target name, or {@code source + suffix} when blank. */
    static String targetName(String typed, String source, String suffix) {
        return typed == null || typed.isBlank() ? source + suffix : typed.trim();
    }

    /** The typed number, or null when blank or "auto". */
    static Integer parse(String key, String typed) {
        if (typed == null || typed.isBlank() || typed.trim().equalsIgnoreCase("auto")) return null;
        try {
            return Integer.valueOf(typed.trim());
        } catch (NumberFormatException e) {
            throw new GridStackException(key + " (" + typed.trim() + ") is not a whole number; leave it blank to choose automatically");
        }
    }
}
