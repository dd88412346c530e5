package org.gridstack.plugin.macro.lane;

/** The keys of the maps that cross into and out of an isolated ImageJ (see {@link LaneCall}). */
public final class LaneKeys {
    public static final String LANGUAGE = "language";
    public static final String CODE = "code";
    public static final String TITLE = "title";
    public static final String WIDTH = "width";
    public static final String HEIGHT = "height";
    public static final String BIT_DEPTH = "bitDepth";
    /** One pixel array per slice: byte[], short[] or float[]. */
    public static final String SLICES = "slices";
    public static final String MEASURE = "measure";
    /** Measuring: a List of rows, each a Map of column name to Double or String. */
    public static final String ROWS = "rows";
    /** Why the call failed, one line; absent when it worked. */
    public static final String ERROR = "error";

    private LaneKeys() {}
}
