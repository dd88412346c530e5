package org.gridstack.telemetry;

import java.io.Serializable;

/** One piece of work a job did: what kind, on which chunk, on which node and thread, when, how many bytes. */
public final class TaskEvent implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Kinds of work, as the task stream colours them. */
    public enum Kind {
        /** A chunk made from its recipe (read from source files or computed from parents). */
        MAKE,
        /** A chunk read from grid memory on the same node. */
        READ,
        /** Bytes received over the network (a chunk fetched from another node, or shuffle pieces). */
        TRANSFER,
        /** Computing on a chunk in memory. */
        COMPUTE,
        /** Bytes written to or read back from a local disk: shuffle pieces, chunks beyond memory, files saved. */
        SPILL
    }

    public final Kind kind;
    public final String array;
    public final long chunk;
    public final String node;
    public final String thread;
    public final long startMicros;
    public final long endMicros;
    public final long bytes;

    public TaskEvent(Kind kind, String array, long chunk, String node, String thread, long startMicros, long endMicros, long bytes) {
        this.kind = kind;
        this.array = array;
        this.chunk = chunk;
        this.node = node;
        this.thread = thread;
        this.startMicros = startMicros;
        this.endMicros = endMicros;
        this.bytes = bytes;
    }

    public long durationMicros() {
        return endMicros - startMicros;
    }

    @Override
    public String toString() {
        return kind + " " + array + "#" + chunk + " on " + node + "/" + thread + " " + durationMicros() + " us " + bytes + " B";
    }
}
