package org.gridstack;

import java.nio.file.Path;
import java.util.List;
import org.apache.ignite.Ignite;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.GridStackException;
import org.gridstack.base.Progress;
import org.gridstack.exec.StageRetry;
import org.gridstack.grid.EmbeddedGrid;
import org.gridstack.grid.GridStatus;
import org.gridstack.grid.NodeReport;
import org.gridstack.ops.ArrayNames;
import org.gridstack.ops.OpenHdf5;
import org.gridstack.ops.OpenStack;
import org.gridstack.ops.OpenZarr;
import org.gridstack.ops.OperationContext;
import org.gridstack.ops.fft.PowerSpectrum;
import org.gridstack.ops.map.FrameMapper;
import org.gridstack.ops.map.FrameMeasurer;
import org.gridstack.ops.map.MapFrames;
import org.gridstack.ops.map.MeasureFrames;
import org.gridstack.ops.map.Measurements;
import org.gridstack.ops.project.PersistAndSum;
import org.gridstack.ops.project.Projection;
import org.gridstack.ops.project.SliceMeans;
import org.gridstack.ops.project.ZProject;
import org.gridstack.ops.rechunk.Rechunk;
import org.gridstack.ops.save.SaveZarr;
import org.gridstack.ops.rechunk.ShuffleBudget;
import org.gridstack.ops.rechunk.TimeSeriesBlocks;
import org.gridstack.ops.recenter.Centroids;
import org.gridstack.ops.recenter.CropWindows;
import org.gridstack.ops.recenter.Recenter;
import org.gridstack.source.Hdf5Location;
import org.gridstack.source.Hdf5Recipe;
import org.gridstack.source.SliceSource;
import org.gridstack.source.StackSources;
import org.gridstack.store.ArrayReader;
import org.gridstack.store.ArrayReader.ChunkSource;
import org.gridstack.store.LocalChunkCache;
import org.gridstack.telemetry.TaskHistory;
import org.gridstack.telemetry.TaskLog;

/**
 * The Grid Stack API for Java, Groovy and Jython: open stacks as grid arrays, persist them, project them, read
 * their frames. Arrays are referred to by name. Frames are row-major primitive arrays (byte[] for 8-bit, short[]
 * for 16-bit, unsigned); projections and means are doubles. Axis order is (t, row, col) throughout.
 * Each operation lives in its own class under {@code org.gridstack.ops}; this facade only delegates (it is long
 * only for its javadoc: one method per thing a script can do).
 */
public final class GridStack {
    /** Chunks of about this size; see {@link OpenStack#DEFAULT_CHUNK_BYTES}. */
    public static final long DEFAULT_CHUNK_BYTES = OpenStack.DEFAULT_CHUNK_BYTES;
    private static final long LOCAL_CACHE_BYTES = 256L << 20;
    private static GridStack embedded;

    private final Ignite ignite;
    private final OperationContext context;
    private final ArrayReader reader;
    /** The session's settings: this object, or the one an {@link #overwriting()} view was made from. */
    private final GridStack session;
    /** Set by {@link #shuffleBytes(long)}; 0: the default, from the servers' heaps. */
    private volatile long shuffleBytes;

    public GridStack(Ignite ignite) {
        this.ignite = ignite;
        LocalChunkCache localCache = new LocalChunkCache(LOCAL_CACHE_BYTES);
        this.context = new OperationContext(ignite, localCache, new TaskHistory(20));
        this.reader = new ArrayReader(context.store(), localCache);
        this.session = this;
    }

    private GridStack(GridStack session, OperationContext context) {
        this.ignite = session.ignite;
        this.context = context;
        this.reader = session.reader;
        this.session = session;
    }

    /**
     * The same grid, whose operations may replace any array of their result's name. Without it an existing array
     * is replaced only by a new result of the same command on the same input (running a command again), and any
     * other is kept and the operation refused.
     */
    public GridStack overwriting() {
        return new GridStack(session, context.overwriting());
    }

    /** The grid of this JVM's embedded node, started on first use. */
    public static synchronized GridStack embedded() {
        Ignite node = EmbeddedGrid.get();
        if (embedded == null || embedded.ignite != node) embedded = new GridStack(node);
        return embedded;
    }

    public Ignite ignite() {
        return ignite;
    }

    // ---- arrays

    /**
     * Opens a stack lazily: reads slice 0's header for shape and type, nothing else. {@code first}/{@code last}
     * as in {@link StackSources#of}; {@code framesPerChunk} 0 picks about 16 MB per chunk. An array of the same
     * name is replaced only once the new source has been checked, and only if it was opened from the same source
     * (else see {@link #overwriting()}). An HDF5 source ({@code file.h5:/path/to/dataset}) opens a 3-D dataset,
     * frames first..last, in chunks that follow the file's own along t (see {@link Hdf5Recipe}).
     */
    public ArrayMeta open(String name, String source, int first, int last, int framesPerChunk) {
        if (Hdf5Location.isHdf5(source)) return OpenHdf5.open(context, name, source, first, last, framesPerChunk);
        return open(name, StackSources.of(source, first, last), framesPerChunk);
    }

    public ArrayMeta open(String name, SliceSource source, int framesPerChunk) {
        return OpenStack.open(context, name, source, framesPerChunk);
    }

    /** Opens a Zarr array or an OME-NGFF image (its first level) lazily; its chunks are the file's own. */
    public ArrayMeta openZarr(String name, String path) {
        return OpenZarr.open(context, name, Path.of(path));
    }

    public ArrayMeta array(String name) {
        return context.catalog().get(name);
    }

    /** The catalog entry of an array, or null if there is none (yet). */
    public ArrayMeta findArray(String name) {
        return context.catalog().find(name);
    }

    public List<ArrayMeta> arrays() {
        return context.catalog().all();
    }

    /** Removes an array's chunks and its catalog entry. */
    public void drop(String name) {
        context.drop(name);
    }

    /** A default array name for a source: the folder's or file's name without extension and index pattern. */
    public static String defaultName(String source) {
        return ArrayNames.fromSource(source);
    }

    /** The name of a result given none (a blank target): {@code base}, or a fresh {@code base-1}, ... (see {@link ArrayNames#fresh}). */
    public String resultName(String base, String source) {
        return ArrayNames.fresh(context.catalog(), base, source);
    }

    // ---- operations

    /** {@link #persist(String, Progress)} without progress reports (as for every call below without a Progress). */
    public long persist(String name) {
        return persist(name, Progress.NONE);
    }

    /**
     * Makes every chunk now, on the nodes that own them; returns the bytes in grid memory. Keeps the sums that
     * Average and Sum projections and slice means of this array then answer from (see {@link PersistAndSum}).
     */
    public long persist(String name, Progress progress) {
        return StageRetry.run(ignite, () -> PersistAndSum.run(context, name, progress));
    }

    public double[] project(String name, Projection projection) {
        return project(name, projection, Progress.NONE);
    }

    /** Projection over time, row-major (H, W). */
    public double[] project(String name, Projection projection, Progress progress) {
        return StageRetry.run(ignite, () -> ZProject.run(context, name, projection, progress));
    }

    public double[] sliceMeans(String name) {
        return sliceMeans(name, Progress.NONE);
    }

    /** Exact mean of every frame: sum / (H * W). */
    public double[] sliceMeans(String name, Progress progress) {
        return StageRetry.run(ignite, () -> SliceMeans.run(context, name, progress));
    }

    public double[][] centroids(String name) {
        return centroids(name, Progress.NONE);
    }

    /**
     * Intensity-weighted centroid of every frame, exact: {@code {x[], y[]}} where x is the ROW and y the COLUMN
     * coordinate (the reference code's convention, not ImageJ's); (0, 0) for an all-zero frame.
     */
    public double[][] centroids(String name, Progress progress) {
        return StageRetry.run(ignite, () -> Centroids.run(context, name, progress));
    }

    /** The default recenter crop: min(H, W) / 2 rounded down to even. */
    public static int defaultCrop(int height, int width) {
        return CropWindows.defaultCrop(height, width);
    }

    public ArrayMeta recenter(String source, String target) {
        return recenter(source, target, Progress.NONE);
    }

    public ArrayMeta recenter(String source, String target, int crop) {
        return recenter(source, target, crop, Progress.NONE);
    }

    /** {@link #recenter(String, String, int, Progress)} with {@link #defaultCrop}. */
    public ArrayMeta recenter(String source, String target, Progress progress) {
        ArrayMeta meta = array(source);
        return recenter(source, target, defaultCrop(meta.grid().height(), meta.grid().width()), progress);
    }

    /** A new array {@code target} (T, crop, crop) cut around each frame's centroid; see {@link Recenter}. */
    public ArrayMeta recenter(String source, String target, int crop, Progress progress) {
        return StageRetry.run(ignite, () -> Recenter.run(context, source, target, crop, progress));
    }

    /** The centroids and crop windows a recentered array was cut with. */
    public CropWindows cropWindows(String recentered) {
        return Recenter.windows(context, recentered);
    }

    /**
     * The block side b that rechunk and FFT power pick for {@code source}: blocks (T, b, b) of about 16 MB and at
     * least a few per core of the grid.
     */
    public int defaultBlock(String source) {
        return TimeSeriesBlocks.defaultBlock(array(source), ignite.cluster().forServers().metrics().getTotalCpus());
    }

    public ArrayMeta rechunk(String source, String target) {
        return rechunk(source, target, Progress.NONE);
    }

    public ArrayMeta rechunk(String source, String target, int block) {
        return rechunk(source, target, block, Progress.NONE);
    }

    /** {@link #rechunk(String, String, int, Progress)} with {@link #defaultBlock}. */
    public ArrayMeta rechunk(String source, String target, Progress progress) {
        return rechunk(source, target, defaultBlock(source), progress);
    }

    /** A copy of {@code source} in time-series blocks (T, block, block); see {@link Rechunk}. */
    public ArrayMeta rechunk(String source, String target, int block, Progress progress) {
        return StageRetry.run(ignite, () -> Rechunk.run(context, source, target, block, shuffleBytes(), progress));
    }

    public ArrayMeta fftPower(String source, String target) {
        return fftPower(source, target, Progress.NONE);
    }

    public ArrayMeta fftPower(String source, String target, int block) {
        return fftPower(source, target, block, Progress.NONE);
    }

    /** {@link #fftPower(String, String, int, Progress)} with {@link #defaultBlock}. */
    public ArrayMeta fftPower(String source, String target, Progress progress) {
        return fftPower(source, target, defaultBlock(source), progress);
    }

    /** Per-pixel power spectrum over time, float32, in time-series blocks; see {@link PowerSpectrum}. */
    public ArrayMeta fftPower(String source, String target, int block, Progress progress) {
        return StageRetry.run(ignite, () -> PowerSpectrum.run(context, source, target, block, shuffleBytes(), progress));
    }

    /**
     * A new array {@code target} whose frames are {@code mapper}'s function of {@code source}'s (a slice or a chunk per
     * call, run where the frames live, on every core); its type and frame size are what the first call gives. See
     * {@link MapFrames}.
     */
    public ArrayMeta map(String source, String target, FrameMapper mapper, Progress progress) {
        return StageRetry.run(ignite, () -> MapFrames.run(context, source, target, mapper, progress));
    }

    /** The rows {@code measurer} gives for every slice of {@code source}, ordered by slice; see {@link MeasureFrames}. */
    public Measurements measure(String source, FrameMeasurer measurer, Progress progress) {
        return StageRetry.run(ignite, () -> MeasureFrames.run(context, source, measurer, progress));
    }

    /**
     * Bytes of output blocks a shuffle may assemble in memory at once, over the whole grid; the pieces of the other
     * blocks wait on the owners' local disks until their block is put together. See {@link ShuffleBudget}.
     */
    public long shuffleBytes() {
        long set = session.shuffleBytes;
        return set > 0 ? set : ShuffleBudget.defaultBytes(ignite);
    }

    /** Caps the memory a shuffle assembles blocks in (over the whole grid); see {@link #shuffleBytes()} for the default. */
    public void shuffleBytes(long bytes) {
        if (bytes < 1) throw new GridStackException("shuffle bytes (" + bytes + ") must be 1 or more");
        session.shuffleBytes = bytes;
    }

    public Path saveZarr(String name, String folder) {
        return saveZarr(name, folder, Progress.NONE);
    }

    /**
     * Saves an array as an OME-NGFF 0.4 image in a Zarr v2 folder (new or empty), written in parallel by the nodes
     * that hold its chunks; Python's zarr and Grid Stack read it back. See {@link SaveZarr}.
     */
    public Path saveZarr(String name, String folder, Progress progress) {
        return SaveZarr.run(context, name, Path.of(folder), false, progress);
    }

    /** As {@link #saveZarr(String, String, Progress)}, replacing a Zarr store already in {@code folder} (only a Zarr store). */
    public Path saveZarrReplacing(String name, String folder, Progress progress) {
        return SaveZarr.run(context, name, Path.of(folder), true, progress);
    }

    // ---- reading

    /** One chunk, made if missing; through a bounded caller-side cache. */
    public Object chunk(String name, long index) {
        return reader.chunk(array(name), index);
    }

    /** One chunk of this very array (by identity, as recipes read their parents), made if missing. */
    public Object chunk(ArrayMeta array, long index) {
        return reader.chunk(array, index);
    }

    /** Frame t as a row-major primitive array of the array's type (chunks through the bounded caller-side cache). */
    public Object frame(String name, long t) {
        return reader.frames(array(name), t, 1, ChunkSource.LOCAL_CACHE);
    }

    /**
     * Frames [t0, t0 + count) as one row-major (count, H, W) primitive array, reading every chunk they touch once
     * and without the caller-side cache: the way to walk a stack in batches whatever its chunk layout.
     */
    public Object frames(String name, long t0, int count) {
        return reader.frames(array(name), t0, count, ChunkSource.STORE);
    }

    /**
     * As {@link #frames(String, long, int)}, but only from chunks already in grid memory; the rest reads as zeros.
     * Nothing is made: for watching an array fill in while an operation makes it.
     */
    public Object framesInMemory(String name, long t0, int count) {
        return reader.frames(array(name), t0, count, ChunkSource.IN_MEMORY_ONLY);
    }

    /** The time series of pixel (row, col) as doubles, from the chunks that hold it. */
    public double[] series(String name, int row, int col) {
        return reader.series(array(name), row, col);
    }

    // ---- status

    /** How many of an array's chunks are stored now: in grid memory, or on disk for an array that spills. */
    public long chunksInMemory(String name) {
        return context.store().countPresent(array(name));
    }

    /** Whether a chunk is stored now: in grid memory, or on disk for an array that spills. */
    public boolean isInMemory(String name, long index) {
        return context.store().contains(array(name), index);
    }

    /** The server nodes, what they hold and how much memory they use. */
    public List<NodeReport> nodes() {
        return GridStatus.nodes(ignite);
    }

    /** Task logs of the latest grid operations, newest last. */
    public List<TaskLog> taskLogs() {
        return context.history().all();
    }

    /** The task log of the latest grid operation, or null. */
    public TaskLog lastTaskLog() {
        return context.history().last();
    }
}
