package org.gridstack.grid;

import org.gridstack.base.GridStackException;

/** Where and how a Grid Stack session joins a cluster of server nodes (Connect). */
public final class ConnectOptions {
    public static final long DEFAULT_JOIN_TIMEOUT_MILLIS = 15_000;

    private final NodeAddresses addresses;
    private String bindAddress;
    private long joinTimeoutMillis = DEFAULT_JOIN_TIMEOUT_MILLIS;
    private TlsSettings tls;
    private int backups = 0;

    private ConnectOptions(NodeAddresses addresses) {
        this.addresses = addresses;
    }

    /** The servers' discovery addresses: {@code host:port} or {@code host:port..port}, comma separated. */
    public static ConnectOptions to(String addresses) {
        return new ConnectOptions(NodeAddresses.parse(addresses).requireKnownHosts());
    }

    /** The local address the client binds; by default loopback when every server is on loopback, else Ignite's choice. */
    public ConnectOptions bindAddress(String address) {
        this.bindAddress = address;
        return this;
    }

    /** How long Connect waits for a server to accept this client before giving up. */
    public ConnectOptions joinTimeoutMillis(long millis) {
        if (millis < 1000) throw new GridStackException("join timeout of " + millis + " ms is below 1 s");
        this.joinTimeoutMillis = millis;
        return this;
    }

    public ConnectOptions tls(TlsSettings settings) {
        this.tls = settings;
        return this;
    }

    /** Backups of the chunk cache if this client is the first to create it (a cluster's own setting wins). */
    public ConnectOptions backups(int count) {
        if (count < 0 || count > 3) throw new GridStackException("backups (" + count + ") must be 0 to 3");
        this.backups = count;
        return this;
    }

    public NodeAddresses addresses() {
        return addresses;
    }

    public String bindAddress() {
        if (bindAddress != null) return bindAddress;
        return addresses.allLoopback() ? "127.0.0.1" : null;
    }

    public long joinTimeoutMillis() {
        return joinTimeoutMillis;
    }

    public TlsSettings tls() {
        return tls;
    }

    public int backups() {
        return backups;
    }
}
