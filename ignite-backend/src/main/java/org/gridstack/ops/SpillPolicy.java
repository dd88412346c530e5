package org.gridstack.ops;

import java.util.Locale;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.GridStackException;
import org.gridstack.grid.DiskSpace;
import org.gridstack.grid.GridCapacity;

/**
 * Whether a new array's chunks also go to their owners' disks (see {@link ArrayMeta#spills()}): when it and the
 * arrays already in the grid would fill more than {@value #MEMORY_SHARE} of the grid's chunk memory, evicted chunks
 * would otherwise be made again from their recipes (operations run again, remote sources fetched again) whenever
 * they are read. A stack of local image files does not spill: its files are already the copy on disk.
 * {@code -Dgridstack.spill=always|never|auto} (default auto) overrides it. Before all of a spilling array is made
 * (persist, an operation's result), the servers' disks are checked for room.
 */
public final class SpillPolicy {
    public static final String PROPERTY = "gridstack.spill";
    private static final double MEMORY_SHARE = 0.6;

    private SpillPolicy() {}

    /** {@code planned}, spilling or not. Nothing is written yet: see {@link #requireDisk} before making its chunks. */
    public static ArrayMeta decide(OperationContext context, ArrayMeta planned) {
        String mode = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        boolean spill;
        switch (mode) {
            case "always": spill = true; break;
            case "never": spill = false; break;
            case "auto": spill = planned.recipe().worthSpilling() && needsDisk(context, planned); break;
            default: throw new GridStackException(PROPERTY + "=" + mode + " is not one of always, never, auto");
        }
        return planned.spilling(spill);
    }

    /** Before all chunks of a spilling array are made: fails, with the sizes, if the servers' disks cannot take them. */
    public static void requireDisk(OperationContext context, ArrayMeta array) {
        if (!array.spills()) return;
        int servers = Math.max(1, context.ignite().cluster().forServers().nodes().size());
        DiskSpace.require(context.ignite(), array.storedBytes() / servers + 1,
                String.format(Locale.ROOT, "'%s' (%.1f GB, more than the grid's memory holds)", array.name(), array.storedBytes() / 1e9));
    }

    private static boolean needsDisk(OperationContext context, ArrayMeta planned) {
        long others = 0;
        for (ArrayMeta a : context.catalog().all()) if (!a.name().equals(planned.name())) others += a.storedBytes();
        return planned.storedBytes() + others > MEMORY_SHARE * GridCapacity.chunkMemoryBytes(context.ignite());
    }
}
