package org.gridstack.exec;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.gridstack.telemetry.ChunkReport;
import org.gridstack.telemetry.TaskEvent;

/** The jobs' end of a {@link ProgressChannel}: travels with every job and reports to the caller's node. */
public final class ProgressReporter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final UUID caller;
    private final String topic;

    ProgressReporter(UUID caller, String topic) {
        this.caller = caller;
        this.topic = topic;
    }

    /** Unit {@code unit} of the operation is done: {@code bytes} of it, and what was done. */
    public void report(Ignite ignite, long unit, long bytes, List<TaskEvent> events) {
        ignite.message(ignite.cluster().forNodeId(caller)).send(topic, new ChunkReport(unit, bytes, events));
    }
}
