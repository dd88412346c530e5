package org.gridstack.ops.project;

/** Projections over time, named and titled as ImageJ's Z Project names them. */
public enum Projection {
    AVERAGE("Average Intensity", "AVG"),
    MAX("Max Intensity", "MAX"),
    MIN("Min Intensity", "MIN"),
    SUM("Sum Slices", "SUM"),
    SD("Standard Deviation", "STD");

    private final String label;
    private final String prefix;

    Projection(String label, String prefix) {
        this.label = label;
        this.prefix = prefix;
    }

    /** The name in ImageJ's Z Project dialog, e.g. "Max Intensity". */
    public String label() {
        return label;
    }

    /** ImageJ's title prefix, e.g. "MAX" for MAX_em. */
    public String prefix() {
        return prefix;
    }

    /** Accepts the label ("Average Intensity"), the constant ("average") or the prefix ("avg"). */
    public static Projection parse(String text) {
        String t = text.trim();
        for (Projection p : values()) {
            if (p.label.equalsIgnoreCase(t) || p.name().equalsIgnoreCase(t) || p.prefix.equalsIgnoreCase(t)
                    || p.label.split(" ")[0].equalsIgnoreCase(t)) {
                return p;
            }
        }
        throw new org.gridstack.base.GridStackException("unknown projection '" + text + "': use Average, Max, Min, Sum or SD");
    }
}
