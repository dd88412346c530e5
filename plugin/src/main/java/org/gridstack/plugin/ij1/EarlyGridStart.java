package org.gridstack.plugin.ij1;

import org.gridstack.GridStack;

/**
 * Starts the embedded grid on a background thread while ImageJ and the macro interpreter start, when the code the
 * launcher runs names a Grid Stack command: starting the node takes most of a second of one core, which the first
 * command would otherwise wait for. Not when the code connects to a cluster (it may never need an embedded node).
 * A failure here is left to the first command, which starts the node again and reports why it cannot.
 */
final class EarlyGridStart {
    private EarlyGridStart() {}

    static void ifUsedBy(String code) {
        if (!code.contains("Grid") || code.contains("Connect to Grid")) return;
        Thread start = new Thread(EarlyGridStart::start, "gridstack-early-start");
        start.setDaemon(true);
        start.start();
    }

    private static void start() {
        try {
            GridStack.embedded();
        } catch (RuntimeException e) {
            // the first command that needs the grid starts it again and reports the failure as its own
        }
    }
}
