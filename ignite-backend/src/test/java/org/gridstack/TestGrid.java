package org.gridstack;

import org.gridstack.grid.EmbeddedGrid;
import org.gridstack.grid.GridNodeConfig;

/** The embedded node all backend tests of this JVM share, with a small data region. */
public final class TestGrid {
    private TestGrid() {}

    public static synchronized GridStack grid() {
        if (!EmbeddedGrid.isRunning()) EmbeddedGrid.start(new GridNodeConfig().regionBytes(512L << 20));
        return GridStack.embedded();
    }
}
