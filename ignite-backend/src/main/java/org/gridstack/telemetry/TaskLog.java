package org.gridstack.telemetry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The task events of one grid operation, gathered at the caller as the jobs report them. */
public final class TaskLog {
    private final String operation;
    private final long startMicros = TaskClock.micros();
    private volatile long endMicros;
    private final List<TaskEvent> events = Collections.synchronizedList(new ArrayList<>());

    public TaskLog(String operation) {
        this.operation = operation;
    }

    public String operation() {
        return operation;
    }

    /** Adds events that jobs reported. */
    public void add(List<TaskEvent> more) {
        events.addAll(more);
    }

    /** Marks the operation's end (its events may still trail in). */
    public void finish() {
        endMicros = TaskClock.micros();
    }

    public long startMicros() {
        return startMicros;
    }

    public long endMicros() {
        return endMicros == 0 ? TaskClock.micros() : endMicros;
    }

    public List<TaskEvent> events() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    /** Bytes of one kind of work, e.g. TRANSFER: bytes that crossed the network. */
    public long bytes(TaskEvent.Kind kind) {
        long total = 0;
        for (TaskEvent e : events()) if (e.kind == kind) total += e.bytes;
        return total;
    }
}
