package org.gridstack.plugin.commands;

import org.gridstack.GridStackException;

/** Whole-number options a user may leave blank to let Grid Stack choose (crop, block). */
final class OptionalInts {
    private OptionalInts() {}

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
