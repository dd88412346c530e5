package org.gridstack.array;

import java.io.Serializable;
import java.util.UUID;

/**
 * Catalog entry of a grid array: its name, element type, chunk geometry and recipe. Small, replicated. Chunks are
 * row-major (t, row, col) primitive arrays of the type's Java primitive, in any chunk shape (see {@link ChunkGrid}).
 * The id tells one making of an array from another of the same name (arrays derived from it remember it); an
 * array whose operation was cancelled or failed carries a note saying so until it is finished.
 */
public final class ArrayMeta implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final DataType type;
    private final ChunkGrid grid;
    private final Recipe recipe;
    private final String id;
    private final String incomplete;
    private final boolean spills;
    private final String placement;
    private final Calibration calibration;
    private final boolean mirrored;

    public ArrayMeta(String name, DataType type, ChunkGrid grid, Recipe recipe) {
        this(name, type, grid, recipe, UUID.randomUUID().toString(), null, false, null, Calibration.NONE, false);
    }

    private ArrayMeta(String name, DataType type, ChunkGrid grid, Recipe recipe, String id, String incomplete, boolean spills,
            String placement, Calibration calibration, boolean mirrored) {
        this.name = name;
        this.type = type;
        this.grid = grid;
        this.recipe = recipe;
        this.id = id;
        this.incomplete = incomplete;
        this.spills = spills;
        this.placement = placement == null ? id : placement;
        this.calibration = calibration;
        this.mirrored = mirrored;
    }

    /** The same array, marked half-made: {@code why} says what stopped it. */
    public ArrayMeta incomplete(String why) {
        return new ArrayMeta(name, type, grid, recipe, id, why, spills, placement, calibration, mirrored);
    }

    /** The same array (same id), now complete. */
    public ArrayMeta complete() {
        return new ArrayMeta(name, type, grid, recipe, id, null, spills, placement, calibration, mirrored);
    }

    /**
     * The same array (same name and id, so its chunks map to the same owners) seen with elements of another type:
     * for buffers that hold its chunks before they are converted, as a shuffle assembles blocks.
     */
    public ArrayMeta as(DataType otherType) {
        return new ArrayMeta(name, otherType, grid, recipe, id, incomplete, spills, placement, calibration, mirrored);
    }

    /** The same array (same id) with the recipe it gets once finished (its chunks are then made by that recipe). */
    public ArrayMeta withRecipe(Recipe finalRecipe) {
        return new ArrayMeta(name, type, grid, finalRecipe, id, incomplete, spills, placement, calibration, mirrored);
    }

    /**
     * The same array, whose chunks are (or are not) also written to their owners' local disks as they are made, so
     * that chunks evicted from memory come back from disk rather than being made again from the recipe.
     */
    public ArrayMeta spilling(boolean spill) {
        return new ArrayMeta(name, type, grid, recipe, id, incomplete, spill, placement, calibration, mirrored);
    }

    /**
     * The same array, its chunk i kept on the node that keeps chunk i of {@code other} (for maps whose output
     * chunk i is made from input chunk i: the output is stored where it is made, nothing crosses the network).
     */
    public ArrayMeta placedWith(ArrayMeta other) {
        return new ArrayMeta(name, type, grid, recipe, id, incomplete, spills, other.placement, calibration, mirrored);
    }

    /** The same array, with what its steps measure (see {@link Calibration}). */
    public ArrayMeta calibrated(Calibration c) {
        return new ArrayMeta(name, type, grid, recipe, id, incomplete, spills, placement, c == null ? Calibration.NONE : c, mirrored);
    }

    /**
     * The same array, whose frame k equals frame T-k (as the power spectrum of a real series does): only frames
     * 0..T/2 are stored, about half the bytes in memory and on disk; every read gives all T frames. Its chunks must
     * hold whole series.
     */
    public ArrayMeta mirroredInTime() {
        if (grid.chunkShape()[0] != grid.frames()) {
            throw new IllegalArgumentException("a mirrored array's chunks must hold all " + grid.frames() + " frames: " + grid);
        }
        return new ArrayMeta(name, type, grid, recipe, id, incomplete, spills, placement, calibration, true);
    }

    /** Whether only frames 0..T/2 are stored (see {@link #mirroredInTime}). */
    public boolean isMirroredInTime() {
        return mirrored;
    }

    /** How many of chunk {@code index}'s frames are stored: all of them, or T/2 + 1 of a mirrored array. */
    public int storedFrames(long index) {
        int frames = grid.extent(index)[0];
        return mirrored ? frames / 2 + 1 : frames;
    }

    /** Elements the grid keeps of chunk {@code index}: all but those of the frames a mirrored array omits. */
    public int storedChunkElements(long index) {
        int[] extent = grid.extent(index);
        return storedFrames(index) * extent[1] * extent[2];
    }

    /** Bytes the grid keeps of chunk {@code index} (see {@link #storedChunkElements}). */
    public long storedChunkBytes(long index) {
        return (long) storedChunkElements(index) * type.bytes();
    }

    /** Bytes the grid keeps of the whole array (see {@link #storedChunkBytes}). */
    public long storedBytes() {
        return mirrored ? bytes() / grid.frames() * (grid.frames() / 2 + 1) : bytes();
    }

    public Calibration calibration() {
        return calibration == null ? Calibration.NONE : calibration;
    }

    /** Which array's chunk placement this one follows (its own id unless {@link #placedWith} another). */
    public String placement() {
        return placement;
    }

    /** Whether chunks are kept on their owners' disks too (see {@link #spilling}). */
    public boolean spills() {
        return spills;
    }

    public String id() {
        return id;
    }

    /** Why the array is half-made, or null when it is complete. */
    public String incompleteNote() {
        return incomplete;
    }

    public String name() {
        return name;
    }

    public DataType type() {
        return type;
    }

    public ChunkGrid grid() {
        return grid;
    }

    public Recipe recipe() {
        return recipe;
    }

    public long bytes() {
        return grid.elements() * type.bytes();
    }

    public long chunkBytes(long index) {
        return (long) grid.chunkElements(index) * type.bytes();
    }

    @Override
    public String toString() {
        return name + ": " + type.label() + ", " + grid + ", " + recipe.describe() + (spills ? ", spilling to disk" : "")
                + (mirrored ? ", frames above T/2 mirrored" : "")
                + (incomplete == null ? "" : " (incomplete: " + incomplete + ")");
    }
}
