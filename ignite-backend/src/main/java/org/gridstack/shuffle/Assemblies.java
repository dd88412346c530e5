package org.gridstack.shuffle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ignite.Ignite;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.BoxCopy;
import org.gridstack.array.DataType;
import org.gridstack.base.Folders;
import org.gridstack.base.GridStackException;
import org.gridstack.grid.NodeDirectories;

/**
 * The output blocks one node is putting together for one shuffle, kept in that node's node-local map. A block is
 * assembled in memory while the node's budget for assemblies lasts; the pieces of blocks beyond it are spilled to
 * local disk as they arrive ({@link SpilledBlock}) and put together when the block is finished. So a shuffle of
 * any size reads each input chunk once, and the heap holds at most the budget's worth of blocks.
 */
final class Assemblies {
    private static final int[] ZERO = {0, 0, 0};
    /** Left in the node-local map by {@link #forget}: jobs of an abandoned shuffle attempt that still run fail fast. */
    private static final String FORGOTTEN = "forgotten";

    private final long budgetBytes;
    private final Path spillFolder;
    private final AtomicLong reserved = new AtomicLong();
    private final ConcurrentHashMap<Long, BlockAssembly> inMemory = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, SpilledBlock> spilled = new ConcurrentHashMap<>();
    /** Arrays free to be written again (stored outputs, transformed assemblies): fresh ones cost page faults and GCs. */
    private final ConcurrentLinkedQueue<Object> spares = new ConcurrentLinkedQueue<>();

    private Assemblies(long budgetBytes, Path spillFolder) {
        this.budgetBytes = budgetBytes;
        this.spillFolder = spillFolder;
    }

    /** This node's assemblies of shuffle {@code shuffleId}, made on first use with the plan's memory budget. */
    static Assemblies of(Ignite ignite, ShufflePlan plan) {
        ConcurrentMap<String, Object> local = ignite.cluster().nodeLocalMap();
        Object assemblies = local.computeIfAbsent(key(plan.id),
                k -> new Assemblies(plan.memoryBytesPerNode, NodeDirectories.spillRoot(ignite).resolve("shuffle-" + plan.id)));
        if (assemblies == FORGOTTEN) throw new GridStackException("shuffle " + plan.id + " was abandoned");
        return (Assemblies) assemblies;
    }

    /** Drops the assemblies and their spill files; pieces that still arrive for this shuffle are refused. */
    static void forget(Ignite ignite, String shuffleId) {
        Object was = ignite.cluster().nodeLocalMap().put(key(shuffleId), FORGOTTEN);
        if (was instanceof Assemblies) ((Assemblies) was).deleteSpillFolder();
    }

    private static String key(String shuffleId) {
        return "gridstack-shuffle-" + shuffleId;
    }

    /**
     * Takes a piece of block {@code piece.block} of {@code layout} (the output geometry in the source's type) from
     * {@code src} (extent {@code srcExtent}, the piece starting at {@code from}). Returns the bytes spilled to disk.
     */
    long deliver(ArrayMeta layout, long block, Object src, int[] srcExtent, int[] from, int[] at, int[] size) {
        BlockAssembly assembly = inMemory.get(block);
        if (assembly == null && !spilled.containsKey(block)) assembly = startBlock(layout, block);
        if (assembly != null) {
            assembly.fill(src, srcExtent, from, at, size);
            return 0;
        }
        Object data = layout.type().allocate(size[0] * size[1] * size[2]);
        BoxCopy.copy(src, srcExtent, from, data, size, ZERO, size);
        return spilled.get(block).append(new Piece(block, at, size, data));
    }

    /** Starts a block: in memory if the budget has room for it, else spilled. Null when it is spilled. */
    private synchronized BlockAssembly startBlock(ArrayMeta layout, long block) {
        BlockAssembly existing = inMemory.get(block);
        if (existing != null || spilled.containsKey(block)) return existing;
        long bytes = layout.chunkBytes(block);
        if (reserved.get() + bytes <= budgetBytes || reserved.get() == 0) {
            reserved.addAndGet(bytes);
            int length = layout.grid().chunkElements(block);
            Object buffer = spare(layout.type(), length);
            BlockAssembly assembly = new BlockAssembly(block, buffer != null ? buffer : layout.type().allocate(length), layout.grid().extent(block));
            inMemory.put(block, assembly);
            return assembly;
        }
        try {
            Files.createDirectories(spillFolder);
        } catch (IOException e) {
            throw new GridStackException("cannot create the shuffle's spill folder " + spillFolder + ": " + e.getMessage(), e);
        }
        spilled.put(block, new SpilledBlock(block, spillFolder.resolve("block-" + block + ".pieces"), layout));
        return null;
    }

    /** A spare array of {@code type} and {@code length} (old contents), or null. */
    Object spare(DataType type, int length) {
        for (Object s : spares) {
            if (type.holds(s) && DataType.length(s) == length && spares.remove(s)) return s;
        }
        return null;
    }

    /** Hands back an array nobody reads any more, for {@link #spare}. */
    void recycle(Object array) {
        spares.add(array);
    }

    /** Removes and returns any one block assembled in memory, or null when none is left. */
    BlockAssembly takeInMemory() {
        Iterator<Long> it = inMemory.keySet().iterator();
        while (it.hasNext()) {
            BlockAssembly b = inMemory.remove(it.next());
            if (b != null) return b;
        }
        return null;
    }

    /** Removes and returns any one spilled block, or null when none is left. */
    SpilledBlock takeSpilled() {
        Iterator<Long> it = spilled.keySet().iterator();
        while (it.hasNext()) {
            SpilledBlock b = spilled.remove(it.next());
            if (b != null) return b;
        }
        return null;
    }

    private void deleteSpillFolder() {
        for (SpilledBlock b : spilled.values()) b.discard();
        Folders.deleteQuietly(spillFolder);
    }
}
