package org.gridstack;

import org.gridstack.grid.EmbeddedGrid;
import org.gridstack.grid.GridNodeConfig;

/**
 * The embedded node all backend tests of this JVM share, with a region of 1 GB: room for every array the tests
 * make, so that none of them spills to disk unless a test asks for it (those use a grid of their own).
 */
public final class TestGrid {
    private TestGrid() {}

    public static synchronized GridStack grid() {
        if (!EmbeddedGrid.isRunning()) EmbeddedGrid.start(new GridNodeConfig().regionBytes(1L << 30));
        return GridStack.embedded();
    }
}
