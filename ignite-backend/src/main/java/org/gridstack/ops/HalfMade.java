package org.gridstack.ops;

import org.gridstack.array.ArrayMeta;
import org.gridstack.base.GridStackException;

/**
 * The one rule for arrays an operation has not finished. An operation catalogs its result as half-made before it
 * makes any chunk, and marks it complete at the end; if it is cancelled or fails, the array stays cataloged,
 * half-made, with the reason. Running the same operation again finishes that array instead of starting over —
 * keeping its identity and the chunks it has — when it is the same making: same name, element type, chunk
 * geometry and lineage (parent identity and parameters, see {@link org.gridstack.array.Recipe#lineage()}).
 */
public final class HalfMade {
    private static final String IN_PROGRESS = "in progress";

    private HalfMade() {}

    /** The array to make for {@code planned}: a half-made one of the same making, or {@code planned} itself, cataloged half-made. */
    public static ArrayMeta start(OperationContext context, ArrayMeta planned) {
        ArrayMeta existing = context.catalog().find(planned.name());
        if (existing != null && isSameMaking(existing, planned)) return existing;
        ArrayMeta started = SpillPolicy.decide(context, planned).incomplete(IN_PROGRESS);
        SpillPolicy.requireDisk(context, started);
        context.place(started, existing);
        return started;
    }

    /** Whether {@link #start} handed back an earlier making of {@code planned} (which may have chunks stored), not {@code planned} itself. */
    public static boolean resumes(ArrayMeta planned, ArrayMeta made) {
        return !made.id().equals(planned.id());
    }

    /** Whether the chunks already stored for {@code existing} can be kept: see the class comment. */
    static boolean isSameMaking(ArrayMeta existing, ArrayMeta planned) {
        return existing.incompleteNote() != null && existing.type() == planned.type() && existing.grid().equals(planned.grid())
                && existing.recipe().lineage().equals(planned.recipe().lineage());
    }

    /** Catalogs {@code made} (same identity as the started array) as complete. */
    public static ArrayMeta finish(OperationContext context, ArrayMeta made) {
        ArrayMeta complete = made.complete();
        context.catalog().put(complete);
        return complete;
    }

    /** Marks {@code started} half-made with the reason {@code failure} gives, and returns {@code failure} to rethrow. */
    public static RuntimeException failed(OperationContext context, ArrayMeta started, RuntimeException failure) {
        GridStackException known = GridStackException.find(failure);
        context.catalog().put(started.incomplete(known != null ? known.getMessage() : failure.toString()));
        return failure;
    }
}
