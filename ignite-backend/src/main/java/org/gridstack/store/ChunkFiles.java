package org.gridstack.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.apache.ignite.Ignite;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.Folders;
import org.gridstack.base.GridStackException;
import org.gridstack.grid.NodeDirectories;

/**
 * The chunks of spilling arrays (see {@link ArrayMeta#spills()}) as files on the local disk of the node that made
 * them: one file per chunk holding its raw values, written once (to a temporary name, then renamed, so a reader never
 * sees half a chunk) and read back whenever the chunk has been evicted from memory.
 */
final class ChunkFiles {
    private ChunkFiles() {}

    private static Path folder(Ignite ignite, String arrayId) {
        return NodeDirectories.spillRoot(ignite).resolve("chunks").resolve(arrayId);
    }

    private static Path file(Ignite ignite, ArrayMeta array, long index) {
        return folder(ignite, array.id()).resolve(index + ".chunk");
    }

    static void write(Ignite ignite, ArrayMeta array, long index, Object chunk) {
        Path file = file(ignite, array, index);
        Path partial = file.resolveSibling(index + "." + Thread.currentThread().getId() + ".partial");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = bytesOf(array.type(), chunk);
                while (bytes.hasRemaining()) out.write(bytes);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new GridStackException("cannot spill chunk " + index + " of '" + array.name() + "' to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The chunk as stored (see {@link MirroredFrames}) from its file, or null if this node has none. */
    static Object read(Ignite ignite, ArrayMeta array, long index) {
        return readFrames(ignite, array, index, 0, array.storedFrames(index));
    }

    /**
     * Stored frames [t0, t0 + n) of a chunk (counted from the chunk's first), read from just that part of its file;
     * null if this node has no file for it.
     */
    static Object readFrames(Ignite ignite, ArrayMeta array, long index, int t0, int n) {
        Path file = file(ignite, array, index);
        int[] extent = array.grid().extent(index);
        int plane = extent[1] * extent[2], length = n * plane, bytesPer = array.type().bytes();
        Object frames = array.type().allocate(length);
        ByteBuffer bytes = array.type() == DataType.UINT8 ? ByteBuffer.wrap((byte[]) frames)
                : ByteBuffer.allocate(length * bytesPer).order(ByteOrder.nativeOrder());
        long position = (long) t0 * plane * bytesPer;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (bytes.hasRemaining()) {
                int read = in.read(bytes, position + bytes.position());
                if (read < 0) throw new GridStackException("spilled chunk file " + file + " is truncated");
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new GridStackException("cannot read spilled chunk " + file + ": " + e.getMessage(), e);
        }
        if (array.type() != DataType.UINT8) {
            bytes.flip();
            array.type().read(bytes, frames, 0, length);
        }
        return frames;
    }

    static boolean exists(Ignite ignite, ArrayMeta array, long index) {
        return Files.isRegularFile(file(ignite, array, index));
    }

    /** Deletes this node's files of one array. */
    static void deleteArray(Ignite ignite, String arrayId) {
        Folders.deleteQuietly(folder(ignite, arrayId));
    }

    private static ByteBuffer bytesOf(DataType type, Object chunk) {
        if (type == DataType.UINT8) return ByteBuffer.wrap((byte[]) chunk);
        int length = DataType.length(chunk);
        ByteBuffer bytes = ByteBuffer.allocate(length * type.bytes()).order(ByteOrder.nativeOrder());
        type.write(chunk, 0, length, bytes);
        bytes.flip();
        return bytes;
    }
}
