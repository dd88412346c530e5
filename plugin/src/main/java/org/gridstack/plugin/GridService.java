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

    /** Records how the latest Grid Stack command run from ImageJ 1 in this context ended: its error, or null. */
    void setLastFailure(String failure);

    /** The error of the latest Grid Stack command run from ImageJ 1 in this context, or null if it did not fail. */
    String lastFailure();
}
