package org.gridstack;

import org.gridstack.base.GridStackException;
import java.io.File;
import java.util.List;
import org.apache.ignite.Ignite;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.ChunkGrid;
import org.gridstack.store.ArrayCatalog;
import org.gridstack.store.ChunkCache;
import org.gridstack.store.ChunkStore;
import org.gridstack.grid.EmbeddedGrid;
import org.gridstack.ops.CentroidReducer;
import org.gridstack.exec.GridJobs;
import org.gridstack.ops.PersistReducer;
import org.gridstack.base.Progress;
import org.gridstack.ops.Projection;
import org.gridstack.ops.ProjectionReducer;
import org.gridstack.ops.SliceSumReducer;
import org.gridstack.telemetry.TaskHistory;
import org.gridstack.telemetry.TaskLog;
import org.gridstack.array.DataType;
import org.gridstack.ops.BlockSize;
import org.gridstack.ops.CropWindows;
import org.gridstack.ops.PendingRecipe;
import org.gridstack.ops.FftPowerRecipe;
import org.gridstack.ops.FftPowerTransform;
import org.gridstack.ops.RecenterPass;
import org.gridstack.ops.RecenterRecipe;
import org.gridstack.ops.RechunkRecipe;
import org.gridstack.shuffle.KeepBlock;
import org.gridstack.shuffle.Shuffle;
import org.gridstack.source.SliceFormat;
import org.gridstack.source.SliceSource;
import org.gridstack.source.SourceRecipe;
import org.gridstack.source.StackSources;

/**
 * The Grid Stack API for Java, Groovy and Jython: open stacks as grid arrays, persist them, project them, read
 * their frames. Arrays are referred to by name. Frames are row-major primitive arrays (byte[] for 8-bit, short[]
 * for 16-bit, unsigned); projections and means are doubles.
 */
public final class GridStack {
    /** Chunks of about this size; big enough to amortise per-chunk costs, small enough to spread and stream. */
    public static final long DEFAULT_CHUNK_BYTES = 16L << 20;
    private static final long VIEW_CACHE_BYTES = 256L << 20;
    private static GridStack embedded;

    private final Ignite ignite;
    private final ArrayCatalog catalog;
    private final ChunkStore store;
    private final ChunkCache viewCache = new ChunkCache(VIEW_CACHE_BYTES);
    private final TaskHistory history = new TaskHistory(20);
    /** Set by {@link #shuffleBytes(long)}; 0: the default, from the servers' heaps. */
    private volatile long shuffleBytes;

    public GridStack(Ignite ignite) {
        this.ignite = ignite;
        this.catalog = new ArrayCatalog(ignite);
        this.store = new ChunkStore(ignite);
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

    /**
     * Opens a stack lazily: reads slice 0's header for shape and type, nothing else. {@code first}/{@code last}
     * as in {@link StackSources#of}; {@code framesPerChunk} 0 picks about 16 MB per chunk. An array of the same
     * name is replaced, but only once the new source has been checked.
     */
    public ArrayMeta open(String name, String source, int first, int last, int framesPerChunk) {
        return open(name, StackSources.of(source, first, last), framesPerChunk);
    }

    public ArrayMeta open(String name, SliceSource source, int framesPerChunk) {
        String arrayName = checkName(name);
        if (framesPerChunk < 0) throw new GridStackException("frames per chunk (" + framesPerChunk + ") must be 0 (automatic) or more");
        SliceFormat format = source.probe();
        int depth = framesPerChunk > 0 ? framesPerChunk
                : ChunkGrid.framesPerChunk(source.size(), format.bytes(), DEFAULT_CHUNK_BYTES);
        ChunkGrid grid = new ChunkGrid(new long[] {source.size(), format.height(), format.width()},
                new int[] {depth, format.height(), format.width()});
        ArrayMeta meta = new ArrayMeta(arrayName, format.type(), grid, new SourceRecipe(source, format));
        if (catalog.find(arrayName) != null) drop(arrayName);
        catalog.put(meta);
        return meta;
    }

    public ArrayMeta array(String name) {
        return catalog.get(name);
    }

    public List<ArrayMeta> arrays() {
        return catalog.all();
    }

    /** Removes an array's chunks and its catalog entry. */
    public void drop(String name) {
        ArrayMeta meta = catalog.get(name);
        catalog.remove(name);
        store.remove(meta);
        viewCache.forget(name);
    }

    /** Makes every chunk now, on the nodes that own them; returns the bytes in grid memory. */
    public long persist(String name, Progress progress) {
        return GridJobs.reduce(ignite, array(name), new PersistReducer(), progress, history.start("persist " + name));
    }

    /** Projection over time, row-major (H, W). */
    public double[] project(String name, Projection projection, Progress progress) {
        ArrayMeta meta = array(name);
        ProjectionReducer reducer = new ProjectionReducer(projection);
        TaskLog log = history.start(projection.label().toLowerCase(java.util.Locale.ROOT) + " of " + name);
        return reducer.finish(GridJobs.reduce(ignite, meta, reducer, progress, log), meta.grid().frames());
    }

    /** Exact mean of every frame: sum / (H * W). */
    public double[] sliceMeans(String name, Progress progress) {
        ArrayMeta meta = array(name);
        double[] sums = GridJobs.reduce(ignite, meta, new SliceSumReducer(), progress, history.start("slice means of " + name));
        double pixels = (double) meta.grid().height() * meta.grid().width();
        for (int t = 0; t < sums.length; t++) sums[t] /= pixels;
        return sums;
    }

    /** Task logs of the latest grid operations, newest last. */
    public java.util.List<TaskLog> taskLogs() {
        return history.all();
    }

    /** The task log of the latest grid operation, or null. */
    public TaskLog lastTaskLog() {
        return history.last();
    }

    /**
     * Intensity-weighted centroid of every frame, exact (NUMERICS.md): {@code {x[], y[]}} where x is the ROW and y
     * the COLUMN coordinate (the reference code's convention, not ImageJ's); (0, 0) for an all-zero frame.
     */
    public double[][] centroids(String name, Progress progress) {
        return CentroidReducer.finish(GridJobs.reduce(ignite, array(name), new CentroidReducer(), progress, history.start("centroids of " + name)));
    }

    /** The default recenter crop: min(H, W) / 2 rounded down to even. */
    public static int defaultCrop(int height, int width) {
        return CropWindows.defaultCrop(height, width);
    }

    /** {@link #recenter(String, String, int, Progress)} with {@link #defaultCrop}. */
    public ArrayMeta recenter(String source, String target, Progress progress) {
        ArrayMeta meta = array(source);
        return recenter(source, target, defaultCrop(meta.grid().height(), meta.grid().width()), progress);
    }

    /**
     * A new array {@code target} of shape (T, crop, crop), same type, whose frame t is the crop x crop window of
     * {@code source} around frame t's centroid (NUMERICS.md), made and persisted on the grid. The windows are
     * kept in the recipe: see {@link #cropWindows}. When the source's chunks hold whole frames (as opened stacks'
     * do) it is one pass, each job cutting the windows of its frames as soon as it has their centroids; otherwise
     * centroids first, then a map job (and progress runs twice).
     */
    public ArrayMeta recenter(String source, String target, int crop, Progress progress) {
        ArrayMeta parent = array(source);
        String targetName = checkTarget(source, target);
        ChunkGrid grid = parent.grid();
        CropWindows.checkCrop(crop, grid.height(), grid.width());
        boolean wholeFrames = grid.chunksAlong(1) == 1 && grid.chunksAlong(2) == 1;
        long frameBytes = (long) crop * crop * parent.type().bytes();
        int depth = wholeFrames ? grid.chunkShape()[0] : ChunkGrid.framesPerChunk(grid.frames(), frameBytes, DEFAULT_CHUNK_BYTES);
        ChunkGrid outGrid = new ChunkGrid(new long[] {grid.frames(), crop, crop}, new int[] {depth, crop, crop});
        if (!wholeFrames) {
            CropWindows windows = CropWindows.around(centroids(source, progress), crop, grid.height(), grid.width());
            return create(new ArrayMeta(targetName, parent.type(), outGrid, new RecenterRecipe(parent, windows)), progress);
        }
        String making = "recenter of " + parent.id() + " crop " + crop;
        ArrayMeta existing = catalog.find(targetName);
        boolean resume = existing != null && existing.grid().equals(outGrid) && existing.recipe() instanceof PendingRecipe
                && ((PendingRecipe) existing.recipe()).making().equals(making);
        ArrayMeta pending = resume ? existing : new ArrayMeta(targetName, parent.type(), outGrid, new PendingRecipe("recenter of " + source, making));
        if (!resume) replace(pending);
        long[] sums;
        try {
            sums = GridJobs.reduce(ignite, parent, new RecenterPass(targetName, crop, resume), progress, history.start("recenter " + source));
        } catch (RuntimeException e) {
            GridStackException known = GridStackException.find(e);
            catalog.put(pending.incomplete(known != null ? known.getMessage() : e.toString()));
            throw e;
        }
        CropWindows windows = CropWindows.around(CentroidReducer.finish(sums), crop, grid.height(), grid.width());
        ArrayMeta meta = new ArrayMeta(targetName, parent.type(), outGrid, new RecenterRecipe(parent, windows));
        catalog.put(meta);
        return meta;
    }

    /** The centroids and crop windows a recentered array was cut with. */
    public CropWindows cropWindows(String recentered) {
        ArrayMeta meta = array(recentered);
        if (!(meta.recipe() instanceof RecenterRecipe)) {
            throw new GridStackException("'" + recentered + "' is not a recentered array (" + meta.recipe().describe() + ")");
        }
        return ((RecenterRecipe) meta.recipe()).windows();
    }

    /**
     * The block side b that {@link #rechunk(String, String, Progress)} and {@link #fftPower(String, String, Progress)}
     * pick for {@code source}: blocks (T, b, b) of about 16 MB and at least a few per core of the grid.
     */
    public int defaultBlock(String source) {
        ArrayMeta meta = array(source);
        ChunkGrid grid = meta.grid();
        if (isTimeSeriesBlocks(grid)) return Math.max(grid.chunkShape()[1], grid.chunkShape()[2]);
        int cores = ignite.cluster().forServers().metrics().getTotalCpus();
        return BlockSize.choose(grid.frames(), grid.height(), grid.width(), meta.type().bytes(), Math.max(1, cores));
    }

    /** {@link #rechunk(String, String, int, Progress)} with {@link #defaultBlock}. */
    public ArrayMeta rechunk(String source, String target, Progress progress) {
        return rechunk(source, target, defaultBlock(source), progress);
    }

    /**
     * A copy of {@code source} in time-series blocks: chunks of shape (T, block, block) (smaller at the right and
     * bottom edges), laid out like every chunk, row-major (t, row, col) — each pixel's series is one strided run.
     * Values are identical; made by the bounded-memory {@link Shuffle}. Progress counts input chunks per wave,
     * then output blocks. If it fails or is cancelled the array stays cataloged, and blocks the shuffle did not
     * store are made from the recipe when read.
     */
    public ArrayMeta rechunk(String source, String target, int block, Progress progress) {
        ArrayMeta parent = array(source);
        ArrayMeta meta = new ArrayMeta(checkTarget(source, target), parent.type(), timeSeriesBlocks(parent, block), new RechunkRecipe(parent));
        return shuffle(parent, meta, new KeepBlock(), progress, history.start("rechunk " + source));
    }

    /** {@link #fftPower(String, String, int, Progress)} with {@link #defaultBlock}. */
    public ArrayMeta fftPower(String source, String target, Progress progress) {
        return fftPower(source, target, defaultBlock(source), progress);
    }

    /**
     * Per-pixel power spectrum over time (NUMERICS.md): a float32 array of shape (T, H, W) in time-series blocks
     * (T, block, block), {@code power[k, r, c] = |X[k]|²} of the full-length unnormalised DFT of pixel (r, c)'s
     * series. Rechunk and FFT are fused in one shuffle: each block is transformed on its owner once assembled, and
     * no rechunked copy is stored (from a source already in such blocks the shuffle just moves whole chunks).
     */
    public ArrayMeta fftPower(String source, String target, int block, Progress progress) {
        ArrayMeta parent = array(source);
        ArrayMeta meta = new ArrayMeta(checkTarget(source, target), DataType.FLOAT32, timeSeriesBlocks(parent, block), new FftPowerRecipe(parent));
        return shuffle(parent, meta, new FftPowerTransform(), progress, history.start("fft power of " + source));
    }

    /**
     * Bytes of output blocks one shuffle wave may assemble at once, over the whole grid. By default it follows the
     * heaps of the server JVMs, where the assemblies live (about evenly spread over the blocks' owners), not the
     * caller's (a thick client holds none of them): on the embedded grid a quarter of this JVM's heap, in a cluster
     * an eighth of the smallest server heap per server JVM (at most 512 MB per server). A server needs the rest for what a wave moves besides
     * its assemblies: each core's finished block and its marshalled copy (4x the assembly for FFT power of 8-bit
     * data), the pieces other nodes deliver, and backup copies of other nodes' blocks; with a quarter, 1 GB server
     * heaps ran out of memory in the 1 GB pipeline's FFT.
     */
    public long shuffleBytes() {
        long set = shuffleBytes;
        return set > 0 ? set : defaultShuffleBytes(ignite);
    }

    static long defaultShuffleBytes(Ignite ignite) {
        // per server JVM (several nodes in one JVM, as in tests, share its heap)
        java.util.Map<String, Long> heaps = new java.util.HashMap<>();
        boolean embedded = true;
        for (org.apache.ignite.cluster.ClusterNode node : ignite.cluster().forServers().nodes()) {
            long heap = node.isLocal() ? Runtime.getRuntime().maxMemory() : node.metrics().getHeapMemoryMaximum();
            if (heap <= 0) heap = Runtime.getRuntime().maxMemory();
            String jvm = node.attribute(org.apache.ignite.internal.IgniteNodeAttributes.ATTR_JVM_PID) + "@" + node.addresses();
            heaps.merge(jvm, heap, Math::min);
            embedded &= jvm.equals(ignite.cluster().localNode().attribute(org.apache.ignite.internal.IgniteNodeAttributes.ATTR_JVM_PID)
                    + "@" + ignite.cluster().localNode().addresses());
        }
        long smallest = heaps.values().stream().mapToLong(Long::longValue).min().orElse(Runtime.getRuntime().maxMemory());
        long perServer = Math.min(512L << 20, smallest / (embedded ? 4 : 8));
        return Math.max(64L << 20, perServer * Math.max(1, heaps.size()));
    }

    /** Caps the memory of a shuffle wave (over the whole grid); see {@link #shuffleBytes()} for the default. */
    public void shuffleBytes(long bytes) {
        if (bytes < 1) throw new GridStackException("shuffle bytes (" + bytes + ") must be 1 or more");
        this.shuffleBytes = bytes;
    }

    private static ChunkGrid timeSeriesBlocks(ArrayMeta parent, int block) {
        BlockSize.check(block);
        ChunkGrid grid = parent.grid();
        if (grid.frames() * Math.min(block, grid.height()) * Math.min(block, grid.width()) > Integer.MAX_VALUE) {
            throw new GridStackException("block (" + block + ") is too large for " + grid.frames() + " frames: a block must hold under 2^31 values");
        }
        return new ChunkGrid(grid.shape(), new int[] {(int) grid.frames(), block, block});
    }

    private static boolean isTimeSeriesBlocks(ChunkGrid grid) {
        int[] cs = grid.chunkShape();
        return cs[0] == grid.frames() && (grid.chunksAlong(1) > 1 || grid.chunksAlong(2) > 1);
    }

    /** One chunk, made if missing; through a bounded caller-side cache. */
    public Object chunk(String name, long index) {
        ArrayMeta meta = array(name);
        if (index < 0 || index >= meta.grid().chunkCount()) {
            throw new GridStackException("chunk " + index + " is outside '" + name + "' (0.." + (meta.grid().chunkCount() - 1) + ")");
        }
        return viewCache.get(ChunkStore.key(meta, index), () -> store.get(meta, index));
    }

    /** Frame t as a row-major primitive array of the array's type (chunks through the bounded view cache). */
    public Object frame(String name, long t) {
        return frames(name, t, 1, true);
    }

    /**
     * Frames [t0, t0 + count) as one row-major (count, H, W) primitive array, reading every chunk they touch once
     * and without the view cache: the way to walk a stack in batches whatever its chunk layout.
     */
    public Object frames(String name, long t0, int count) {
        return frames(name, t0, count, false);
    }

    /**
     * As {@link #frames(String, long, int)}, but only from chunks already in grid memory; the rest reads as zeros.
     * Nothing is made: for watching an array fill in while an operation makes it.
     */
    public Object framesInMemory(String name, long t0, int count) {
        return frames(name, t0, count, null);
    }

    /** The catalog entry of an array, or null if there is none (yet). */
    public ArrayMeta findArray(String name) {
        return catalog.find(name);
    }

    /** {@code cached}: TRUE through the view cache, FALSE straight from the store, null only chunks present. */
    private Object frames(String name, long t0, int count, Boolean cached) {
        ArrayMeta meta = array(name);
        ChunkGrid grid = meta.grid();
        if (count < 1 || t0 < 0 || t0 + count > grid.frames()) {
            String which = count == 1 ? "frame " + t0 + " is" : "frames " + t0 + ".." + (t0 + count - 1) + " are";
            throw new GridStackException(which + " outside '" + name + "' (0.." + (grid.frames() - 1) + ")");
        }
        int width = grid.width();
        int plane = grid.height() * width;
        Object out = meta.type().allocate(count * plane);
        int depth = grid.chunkShape()[0];
        for (long it = t0 / depth; it <= (t0 + count - 1) / depth; it++) {
            for (long ir = 0; ir < grid.chunksAlong(1); ir++) {
                for (long ic = 0; ic < grid.chunksAlong(2); ic++) {
                    long index = grid.index(it, ir, ic);
                    Object chunk = cached == null ? store.peek(meta, index) : cached ? chunk(name, index) : store.get(meta, index);
                    if (chunk != null) copyFrames(grid, index, chunk, t0, count, out, width, plane);
                }
            }
        }
        return out;
    }

    /** Copies the rows of {@code chunk} that fall into frames [t0, t0 + count) into the (count, H, W) array. */
    private static void copyFrames(ChunkGrid grid, long index, Object chunk, long t0, int count, Object out, int width, int plane) {
        long[] origin = grid.origin(index);
        int[] extent = grid.extent(index);
        long from = Math.max(t0, origin[0]), to = Math.min(t0 + count, origin[0] + extent[0]);
        for (long t = from; t < to; t++) {
            int inChunk = (int) (t - origin[0]);
            int inOut = (int) (t - t0);
            for (int r = 0; r < extent[1]; r++) {
                System.arraycopy(chunk, (inChunk * extent[1] + r) * extent[2],
                        out, (int) (inOut * plane + (origin[1] + r) * width + origin[2]), extent[2]);
            }
        }
    }

    /** The time series of pixel (row, col) as doubles, from the chunks that hold it. */
    public double[] series(String name, int row, int col) {
        ArrayMeta meta = array(name);
        ChunkGrid grid = meta.grid();
        if (row < 0 || row >= grid.height() || col < 0 || col >= grid.width()) {
            throw new GridStackException("pixel (row " + row + ", col " + col + ") is outside '" + name + "' ("
                    + grid.height() + " rows x " + grid.width() + " cols)");
        }
        double[] series = new double[(int) grid.frames()];
        int[] shape = grid.chunkShape();
        for (long it = 0; it < grid.chunksAlong(0); it++) {
            long index = grid.index(it, row / shape[1], col / shape[2]);
            long[] origin = grid.origin(index);
            int[] extent = grid.extent(index);
            Object chunk = chunk(name, index);
            int r = (int) (row - origin[1]), c = (int) (col - origin[2]);
            for (int t = 0; t < extent[0]; t++) {
                series[(int) origin[0] + t] = org.gridstack.array.DataType.get(chunk, (t * extent[1] + r) * extent[2] + c);
            }
        }
        return series;
    }

    /** How many of an array's chunks are in grid memory now. */
    public long chunksInMemory(String name) {
        return store.countPresent(array(name));
    }

    /** The server nodes, what they hold and how much memory they use. */
    public java.util.List<org.gridstack.grid.NodeReport> nodes() {
        return org.gridstack.grid.GridStatus.nodes(ignite);
    }

    /** Whether a chunk is in grid memory now. */
    public boolean isInMemory(String name, long index) {
        return store.contains(array(name), index);
    }

    /** A default array name for a source: the folder's or file's name without extension and index pattern. */
    public static String defaultName(String source) {
        String s = source.trim().replaceAll("[/\\\\]+$", "");
        String base = new File(s).getName();
        base = base.replaceAll("\\.(?i)(tiff?|png|jpe?g)$", "").replaceAll("_?%[0-9]*d", "").replaceAll("[_\\-.]+$", "");
        return base.isEmpty() ? "stack" : base;
    }

    /**
     * Makes {@code meta} by the shuffle. A half-made array of the same name, operation, geometry and parent (the
     * same making of it) is finished instead of replaced: its stored blocks are kept and their waves skipped. If
     * the shuffle is cancelled or fails, the array stays cataloged, marked half-made; its missing blocks can be
     * made from the recipe, or by running the operation again.
     */
    private ArrayMeta shuffle(ArrayMeta parent, ArrayMeta meta, org.gridstack.shuffle.BlockTransform transform, Progress progress, TaskLog log) {
        ArrayMeta existing = catalog.find(meta.name());
        boolean resume = existing != null && existing.incompleteNote() != null && existing.grid().equals(meta.grid())
                && existing.type() == meta.type() && existing.recipe().getClass() == meta.recipe().getClass()
                && existing.recipe().parent() != null && existing.recipe().parent().id().equals(parent.id());
        ArrayMeta made = resume ? existing : meta;
        if (!resume) replace(meta);
        try {
            new Shuffle(ignite).run(parent, made, transform, shuffleBytes(), progress, log);
        } catch (RuntimeException e) {
            GridStackException known = GridStackException.find(e);
            catalog.put(made.incomplete(known != null ? known.getMessage() : e.toString()));
            throw e;
        }
        ArrayMeta complete = made.complete();
        catalog.put(complete);
        return complete;
    }

    /** Catalogs a computed array (replacing one of the same name) and makes all its chunks on their owners. */
    private ArrayMeta create(ArrayMeta meta, Progress progress) {
        replace(meta);
        persist(meta.name(), progress);
        return meta;
    }

    private void replace(ArrayMeta meta) {
        if (catalog.find(meta.name()) != null) drop(meta.name());
        catalog.put(meta);
    }

    private String checkTarget(String source, String target) {
        String name = checkName(target);
        if (name.equals(source)) throw new GridStackException("the result needs a new name, not the source's ('" + source + "')");
        return name;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) throw new GridStackException("name is empty: give the grid array a name");
        return name.trim();
    }
}
