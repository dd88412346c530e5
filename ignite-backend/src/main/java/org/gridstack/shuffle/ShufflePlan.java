package org.gridstack.shuffle;

import java.io.Serializable;
import java.util.Arrays;
import java.util.UUID;

/**
 * One attempt at a shuffle: its id, the output blocks it makes (those not stored yet, ascending) with the node that
 * owns each now, and how many bytes of blocks each node may assemble in memory (the rest spill to its disk).
 */
final class ShufflePlan implements Serializable {
    private static final long serialVersionUID = 1L;

    final String id;
    final long memoryBytesPerNode;
    private final long[] blocks;
    private final UUID[] owners;

    ShufflePlan(String id, long memoryBytesPerNode, long[] blocks, UUID[] owners) {
        this.id = id;
        this.memoryBytesPerNode = memoryBytesPerNode;
        this.blocks = blocks;
        this.owners = owners;
    }

    int size() {
        return blocks.length;
    }

    long block(int i) {
        return blocks[i];
    }

    boolean contains(long block) {
        return Arrays.binarySearch(blocks, block) >= 0;
    }

    UUID owner(long block) {
        return owners[Arrays.binarySearch(blocks, block)];
    }

    /** The distinct owners, in block order. */
    UUID[] distinctOwners() {
        return Arrays.stream(owners).distinct().toArray(UUID[]::new);
    }
}
