package org.gridstack.telemetry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The task logs of the latest operations, a bounded number of them. */
public final class TaskHistory {
    private final int capacity;
    private final Deque<TaskLog> logs = new ArrayDeque<>();

    public TaskHistory(int capacity) {
        this.capacity = capacity;
    }

    public synchronized TaskLog start(String operation) {
        TaskLog log = new TaskLog(operation);
        logs.addLast(log);
        while (logs.size() > capacity) logs.removeFirst();
        return log;
    }

    public synchronized TaskLog last() {
        return logs.peekLast();
    }

    public synchronized List<TaskLog> all() {
        return new ArrayList<>(logs);
    }
}
