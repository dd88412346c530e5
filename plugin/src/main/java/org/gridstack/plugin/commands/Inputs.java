package org.gridstack.plugin.commands;

import org.gridstack.GridStack;
import org.gridstack.base.GridStackException;
import org.gridstack.plugin.ij1.NumberInput;

/** Inputs a user may leave blank to let Grid Stack choose: whole numbers (crop, block) and result names. */
final class Inputs {
    private Inputs() {}

    /**
     * The typed target name; when blank, {@code source + suffix}, or if an unrelated array has that name and the
     * user did not ask to overwrite, a fresh one as ImageJ makes for a taken title ({@code em_power-1}; see
     * {@link GridStack#resultName}).
     */
    static String targetName(GridStack grid, String typed, String source, String suffix, boolean overwrite) {
        if (typed != null && !typed.isBlank()) return typed.trim();
        return overwrite ? source + suffix : grid.resultName(source + suffix, source);
    }

    /**
     * The typed whole number from {@code min} to Integer.MAX_VALUE, or null when blank or "auto"; anything else
     * fails through the commands' one number parser, {@link NumberInput}, naming the key, the value and the range.
     */
    static Integer parse(String key, String typed, int min) {
        if (typed == null || typed.isBlank() || typed.trim().equalsIgnoreCase("auto")) return null;
        try {
            return (int) NumberInput.whole(key, typed, min, Integer.MAX_VALUE);
        } catch (GridStackException e) {
            throw new GridStackException(e.getMessage() + ", or blank to choose automatically", e);
        }
    }
}
