package org.gridstack.shuffle;

import java.io.Serializable;
import java.util.List;
import org.gridstack.jobs.TaskEvent;

/** What a scatter job tells the caller after each input chunk: its bytes (for progress) and the task events. */
final class ScatterReport implements Serializable {
    private static final long serialVersionUID = 1L;

    final long bytes;
    final List<TaskEvent> events;

    ScatterReport(long bytes, List<TaskEvent> events) {
        this.bytes = bytes;
        this.events = events;
    }
}
