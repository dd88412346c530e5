package org.gridstack.plugin;

import org.gridstack.GridStack;
import org.gridstack.grid.ConnectOptions;
import org.scijava.service.SciJavaService;

/** The Fiji session's connection to the grid: the embedded node unless connected to a cluster. */
public interface GridService extends SciJavaService {
    /** The grid to work on; fails with a clear message while a cluster connection is lost. */
    GridStack grid();

    /** Joins a cluster of Grid Stack server nodes; later commands run there. */
    void connect(ConnectOptions options);

    /** Leaves the cluster (its arrays stay on the servers); later commands use the embedded grid again. */
    void disconnect();

    /** One line: "embedded grid" or the cluster's addresses and state. */
    String describe();

    /**
     * Records the error of a Grid Stack command run from ImageJ 1 in this context; null clears the record (the
     * headless launcher does so before it runs a macro).
     */
    void setLastFailure(String failure);

    /**
     * The error of the latest Grid Stack command run from ImageJ 1 in this context that failed since the record
     * was last cleared, or null if none failed. Commands that succeed later do not clear it.
     */
    String lastFailure();
}
