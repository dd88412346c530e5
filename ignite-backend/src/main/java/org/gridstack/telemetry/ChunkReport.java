package org.gridstack.telemetry;

import java.io.Serializable;
import java.util.List;

/**
 * What a job tells the caller after each unit of work (a chunk read and folded, an input chunk scattered, a block
 * assembled and stored): which unit, for progress (a unit done twice, after a retry, counts once), its bytes, and
 * the task events of the work.
 */
public final class ChunkReport implements Serializable {
    private static final long serialVersionUID = 1L;

    public final long unit;
    public final long bytes;
    public final List<TaskEvent> events;

    public ChunkReport(long unit, long bytes, List<TaskEvent> events) {
        this.unit = unit;
        this.bytes = bytes;
        this.events = events;
    }
}
