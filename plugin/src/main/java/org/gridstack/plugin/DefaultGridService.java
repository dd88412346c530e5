package org.gridstack.plugin;

import org.gridstack.GridStack;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/** Starts the embedded grid on first use; it lives as long as the JVM (the grid is shared by every context). */
@Plugin(type = Service.class)
public final class DefaultGridService extends AbstractService implements GridService {
    @Override
    public GridStack grid() {
        return GridStack.embedded();
    }
}
