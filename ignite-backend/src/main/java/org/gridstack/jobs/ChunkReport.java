package org.gridstack.jobs;

import java.io.Serializable;
import java.util.List;

/** What a job tells the caller after each chunk: the chunk's bytes (for progress) and what was done. */
final class ChunkReport implements Serializable {
    private static final long serialVersionUID = 1L;

    final long bytes;
    final List<TaskEvent> events;

    ChunkReport(long bytes, List<TaskEvent> events) {
        this.bytes = bytes;
        this.events = events;
    }
}
