package org.gridstack.plugin.commands;

import ij.IJ;
import org.gridstack.grid.ConnectOptions;
import org.gridstack.grid.TlsSettings;
import org.gridstack.plugin.GridService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Joins a cluster of Grid Stack server nodes (scripts/gridstack-node); with no addresses, starts the embedded grid.
 * Fails within the timeout, naming the addresses, when no server answers.
 */
@Plugin(type = Command.class, label = "Connect to Grid...")
public final class ConnectToGrid implements Command {
    @Parameter
    private GridService grid;

    @Parameter(label = "addresses of server nodes, host:port[..port], comma-separated (blank: embedded grid)", required = false, persist = false)
    private String addresses = "";

    @Parameter(label = "timeout in seconds", min = "1", persist = false)
    private int timeout = 15;

    @Parameter(label = "keystore for TLS (blank: no TLS)", style = "open", required = false, persist = false)
    private String keystore = "";

    @Parameter(label = "truststore for TLS", style = "open", required = false, persist = false)
    private String truststore = "";

    @Parameter(label = "password of both stores (env:NAME reads a variable)", required = false, persist = false)
    private String password = "";

    @Override
    public void run() {
        if (addresses == null || addresses.isBlank()) {
            grid.disconnect();
            grid.grid();
        } else {
            ConnectOptions options = ConnectOptions.to(addresses.trim()).joinTimeoutMillis(timeout * 1000L);
            if (keystore != null && !keystore.isBlank()) {
                String secret = password == null ? "" : password.startsWith("env:") ? System.getenv(password.substring(4)) : password;
                options.tls(new TlsSettings(keystore.trim(), secret, truststore == null || truststore.isBlank() ? keystore.trim() : truststore.trim(), secret));
            }
            grid.connect(options);
        }
        IJ.log("Grid Stack: connected to " + grid.describe());
    }
}
