package org.gridstack.shuffle;

import java.util.List;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteRunnable;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.gridstack.array.ArrayMeta;

/** Runs on a block owner: copies the pieces one input chunk sent it into their blocks' assemblies. */
final class DeliverPieces implements IgniteRunnable {
    private static final long serialVersionUID = 1L;
    private static final int[] ZERO = {0, 0, 0};

    private final String shuffleId;
    private final ArrayMeta layout;
    private final List<Piece> pieces;

    @IgniteInstanceResource
    private transient Ignite ignite;

    DeliverPieces(String shuffleId, ArrayMeta layout, List<Piece> pieces) {
        this.shuffleId = shuffleId;
        this.layout = layout;
        this.pieces = pieces;
    }

    @Override
    public void run() {
        Assemblies assemblies = Assemblies.of(ignite, shuffleId);
        for (Piece p : pieces) assemblies.block(layout, p.block).fill(p.data, p.size, ZERO, p.at, p.size);
    }
}
