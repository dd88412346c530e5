package org.gridstack.telemetry;

import java.io.Serializable;
import java.util.List;

/** What a job (a chunk job, a shuffle's scatter job) tells the caller after each chunk: its bytes, for progress, and what was done. */
public final class ChunkReport implements Serializable {
    private static final long serialVersionUID = 1L;

    public final long bytes;
    public final List<TaskEvent> events;

    public ChunkReport(long bytes, List<TaskEvent> events) {
        this.bytes = bytes;
        this.events = events;
    }
}
