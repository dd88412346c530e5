package org.gridstack.plugin;

import org.gridstack.GridStack;
import org.gridstack.base.GridStackException;
import org.gridstack.grid.ConnectOptions;
import org.gridstack.GridConnection;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/**
 * Holds the session's cluster connection, if any; otherwise hands out the embedded grid, started on first use
 * (it lives as long as the JVM and is shared by every context).
 */
@Plugin(type = Service.class)
public final class DefaultGridService extends AbstractService implements GridService {
    private GridConnection connection;
    private volatile String lastFailure;

    @Override
    public synchronized GridStack grid() {
        if (connection == null) return GridStack.embedded();
        if (!connection.isConnected()) {
            throw new GridStackException(connection.status() + " Run Connect to Grid... again to reconnect; the grid arrays are on the servers.");
        }
        return connection.grid();
    }

    @Override
    public synchronized void connect(ConnectOptions options) {
        GridConnection next = GridConnection.connect(options);
        disconnect();
        connection = next;
    }

    @Override
    public synchronized void disconnect() {
        if (connection != null) connection.close();
        connection = null;
    }

    @Override
    public synchronized String describe() {
        return connection == null ? "embedded grid" : connection.status();
    }

    @Override
    public void setLastFailure(String failure) {
        lastFailure = failure;
    }

    @Override
    public String lastFailure() {
        return lastFailure;
    }

    @Override
    public void dispose() {
        disconnect();
    }
}
