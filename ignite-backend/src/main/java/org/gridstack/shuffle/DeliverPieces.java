package org.gridstack.shuffle;

import java.util.List;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.gridstack.array.ArrayMeta;

/** Runs on a block owner: hands the pieces one input chunk sent it to their blocks; returns the bytes spilled to disk. */
final class DeliverPieces implements IgniteCallable<Long> {
    private static final long serialVersionUID = 1L;
    private static final int[] ZERO = {0, 0, 0};

    private final ShufflePlan plan;
    private final ArrayMeta layout;
    private final List<Piece> pieces;

    @IgniteInstanceResource
    private transient Ignite ignite;

    DeliverPieces(ShufflePlan plan, ArrayMeta layout, List<Piece> pieces) {
        this.plan = plan;
        this.layout = layout;
        this.pieces = pieces;
    }

    @Override
    public Long call() {
        Assemblies assemblies = Assemblies.of(ignite, plan);
        long spilled = 0;
        for (Piece p : pieces) spilled += assemblies.deliver(layout, p.block, p.data, p.size, ZERO, p.at, p.size);
        return spilled;
    }
}
