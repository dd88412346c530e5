package org.gridstack.grid;

import java.io.Serializable;

/** What one server node reports about itself for the status view. */
public final class NodeReport implements Serializable {
    private static final long serialVersionUID = 1L;

    public final String id;
    public final String addresses;
    public final int cpus;
    public final long heapUsed;
    public final long heapMax;
    public final long offHeapUsed;
    public final long offHeapMax;
    public final long chunks;

    NodeReport(String id, String addresses, int cpus, long heapUsed, long heapMax, long offHeapUsed, long offHeapMax, long chunks) {
        this.id = id;
        this.addresses = addresses;
        this.cpus = cpus;
        this.heapUsed = heapUsed;
        this.heapMax = heapMax;
        this.offHeapUsed = offHeapUsed;
        this.offHeapMax = offHeapMax;
        this.chunks = chunks;
    }
}
