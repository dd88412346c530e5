package org.gridstack.ops.save;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.ignite.cluster.ClusterNode;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.Calibration;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;
import org.gridstack.base.Progress;
import org.gridstack.exec.ChunkOwners;
import org.gridstack.exec.JobBatch;
import org.gridstack.exec.ProgressChannel;
import org.gridstack.ops.OperationContext;
import org.gridstack.zarr.OmeNgff;
import org.gridstack.zarr.ZarrCompressor;
import org.gridstack.zarr.ZarrDtype;
import org.gridstack.zarr.ZarrHeader;

/**
 * Save to Zarr: an array as an OME-NGFF 0.4 image (axes t, y, x; one scale level, in folder "0") in a Zarr v2
 * directory store, one Zarr chunk per grid chunk, written in parallel by the nodes that hold the chunks into a
 * folder they all see (on one machine, any folder). The array's calibration becomes the image's scale and units. Chunks are compressed with zstd at level 1, which Python's
 * zarr (numcodecs) reads. The folder must be new or empty, or, when asked, hold a Zarr store, which is replaced;
 * nothing else already there is touched.
 */
public final class SaveZarr {
    private static final ZarrCompressor COMPRESSOR = ZarrCompressor.zstd(1);

    private SaveZarr() {}

    /** {@code replace}: an existing Zarr store in {@code folder} (and only a Zarr store) is deleted first. */
    public static Path run(OperationContext context, String name, Path folder, boolean replace, Progress progress) {
        ArrayMeta meta = context.catalog().get(name);
        Path dir = folder.toAbsolutePath();
        if (replace && isZarrStore(dir)) deleteTree(dir);
        requireEmptyWithRoom(dir, meta);
        ZarrHeader header = ZarrHeader.of(meta.grid().shape(), meta.grid().chunkShape(), dtype(meta.type()))
                .withCompressor(COMPRESSOR).withDimensionSeparator("/");
        Calibration c = meta.calibration();
        OmeNgff.createImage(dir, OmeNgff.timeYx(name, c.frameInterval(), OmeNgff.unit(c.timeUnit()), c.pixelHeight(), c.pixelWidth(),
                OmeNgff.unit(c.spaceUnit())), header);
        Path array = dir.resolve("0");
        try (ProgressChannel channel = new ProgressChannel(context.ignite(), progress, context.history().start("save " + name + " to " + dir),
                meta.grid().chunkCount())) {
            JobBatch<Long> batch = new JobBatch<>(context.ignite());
            for (Map.Entry<ClusterNode, long[]> e : ChunkOwners.of(context.ignite(), meta).entrySet()) {
                for (long[] share : ChunkOwners.shares(e.getValue(), ChunkOwners.cpus(e.getKey()))) {
                    batch.add(e.getKey(), new WriteZarrChunks(meta, array.toString(), share, channel.reporter()));
                }
            }
            batch.runAll(progress, () -> name + " (" + channel.done() + " of " + meta.grid().chunkCount() + " chunks written)",
                    "saving '" + name + "' to " + dir);
            channel.awaitTrailingReports();
        }
        return dir;
    }

    /** The Zarr dtype of a grid array's type (little-endian, as Python writes by default). */
    static ZarrDtype dtype(DataType type) {
        switch (type) {
            case UINT8: return ZarrDtype.U1;
            case UINT16: return ZarrDtype.U2;
            case FLOAT32: return ZarrDtype.F4;
            case FLOAT64: return ZarrDtype.F8;
            default: throw new GridStackException("saving " + type.label() + " arrays to Zarr is not supported yet");
        }
    }

    private static boolean isZarrStore(Path dir) {
        return Files.exists(dir.resolve(".zgroup")) || Files.exists(dir.resolve(".zarray"));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) Files.delete(p);
        } catch (IOException e) {
            throw new GridStackException("cannot replace " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void requireEmptyWithRoom(Path dir, ArrayMeta meta) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new GridStackException("cannot save to " + dir + ": it is a file, not a folder");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new GridStackException("cannot save to " + dir + ": the folder is not empty (nothing there is replaced; choose a new folder)");
                }
            } catch (IOException e) {
                throw new GridStackException("cannot read folder " + dir + ": " + e.getMessage(), e);
            }
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) throw new GridStackException("cannot save to " + dir + ": no part of that path exists");
        long free = existing.toFile().getUsableSpace();
        if (meta.bytes() > free) {
            throw new GridStackException(String.format(Locale.ROOT, "cannot save '%s' to %s: it is %.1f GB uncompressed and %s has %.1f GB free",
                    meta.name(), dir, meta.bytes() / 1e9, existing, free / 1e9));
        }
    }
}
