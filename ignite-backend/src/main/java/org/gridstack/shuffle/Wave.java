package org.gridstack.shuffle;

import java.io.Serializable;
import java.util.UUID;

/** A run of consecutive output blocks [first, first + owners.length) assembled together, with each one's owner. */
final class Wave implements Serializable {
    private static final long serialVersionUID = 1L;

    final long first;
    final UUID[] owners;

    Wave(long first, UUID[] owners) {
        this.first = first;
        this.owners = owners;
    }

    int size() {
        return owners.length;
    }

    long end() {
        return first + owners.length;
    }

    boolean contains(long block) {
        return block >= first && block < end();
    }

    UUID owner(long block) {
        return owners[(int) (block - first)];
    }
}
