package org.gridstack.shuffle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.BoxCopy;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;

/**
 * An output block whose pieces wait on local disk, because the node's memory budget for assemblies is taken: each
 * piece is appended to the block's file as it arrives (position and size, then its values), and the block is put
 * together from the file, in one sequential read, when every piece is there.
 */
final class SpilledBlock {
    private static final int HEADER_BYTES = 6 * Integer.BYTES;
    private static final int[] ZERO = {0, 0, 0};

    final long index;
    private final Path file;
    private final DataType type;
    private final int[] extent;
    private long missing;
    private long bytes;
    private FileChannel channel;

    SpilledBlock(long index, Path file, ArrayMeta layout) {
        this.index = index;
        this.file = file;
        this.type = layout.type();
        this.extent = layout.grid().extent(index);
        this.missing = (long) extent[0] * extent[1] * extent[2];
    }

    /** Appends a piece; returns the bytes written. Pieces never overlap, so a block is whole once none is missing. */
    synchronized long append(Piece piece) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + piece.elements() * type.bytes()).order(ByteOrder.nativeOrder());
        for (int v : piece.at) buffer.putInt(v);
        for (int v : piece.size) buffer.putInt(v);
        type.write(piece.data, 0, piece.elements(), buffer);
        buffer.flip();
        try {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            }
            while (buffer.hasRemaining()) channel.write(buffer);
        } catch (IOException e) {
            throw new GridStackException("cannot spill shuffle pieces to " + file + ": " + e.getMessage(), e);
        }
        missing -= piece.elements();
        bytes += buffer.limit();
        return buffer.limit();
    }

    synchronized long missing() {
        return missing;
    }

    synchronized long bytes() {
        return bytes;
    }

    /** Puts the block together into {@code buffer} (the block's extent, this type) from its file, then deletes the file. */
    synchronized void assembleInto(Object buffer) {
        try {
            if (channel != null) channel.close();
            channel = null;
            ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(Files.size(file))).order(ByteOrder.nativeOrder());
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                while (all.hasRemaining() && in.read(all) >= 0) { }
            }
            all.flip();
            int[] at = new int[3], size = new int[3];
            while (all.hasRemaining()) {
                for (int d = 0; d < 3; d++) at[d] = all.getInt();
                for (int d = 0; d < 3; d++) size[d] = all.getInt();
                int n = size[0] * size[1] * size[2];
                Object data = type.allocate(n);
                type.read(all, data, 0, n);
                BoxCopy.copy(data, size, ZERO, buffer, extent, at, size);
            }
        } catch (IOException e) {
            throw new GridStackException("cannot read spilled shuffle pieces from " + file + ": " + e.getMessage(), e);
        } finally {
            discard();
        }
    }

    /** Closes and deletes the block's file. */
    synchronized void discard() {
        try {
            if (channel != null) channel.close();
            channel = null;
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
