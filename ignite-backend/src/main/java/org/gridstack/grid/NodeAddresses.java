package org.gridstack.grid;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.gridstack.base.GridStackException;

/**
 * A discovery address list as users write it: {@code host:port} or {@code host:port..port}, separated by commas or
 * white space (Ignite's own syntax for TcpDiscoveryVmIpFinder, checked here so that a typo is named up front).
 */
public final class NodeAddresses {
    private final List<String> entries;

    private NodeAddresses(List<String> entries) {
        this.entries = List.copyOf(entries);
    }

    public static NodeAddresses parse(String text) {
        if (text == null || text.isBlank()) throw new GridStackException("no discovery addresses given (host:port or host:port..port, comma separated)");
        List<String> entries = new ArrayList<>();
        for (String entry : text.trim().split("[,\\s]+")) {
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) throw bad(entry);
            String ports = entry.substring(colon + 1);
            try {
                String[] range = ports.split("\\.\\.", -1);
                if (range.length > 2) throw bad(entry);
                int from = port(range[0], entry);
                if (range.length == 2 && port(range[1], entry) < from) throw bad(entry);
            } catch (NumberFormatException e) {
                throw bad(entry);
            }
            entries.add(entry);
        }
        return new NodeAddresses(entries);
    }

    private static int port(String text, String entry) {
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) throw bad(entry);
        return port;
    }

    private static GridStackException bad(String entry) {
        return new GridStackException("discovery address '" + entry + "' is not host:port or host:port..port");
    }

    public List<String> entries() {
        return entries;
    }

    /** Fails, naming the host, if a host name does not resolve (else Connect only says that no server accepted). */
    public NodeAddresses requireKnownHosts() {
        for (String entry : entries) {
            String host = host(entry);
            try {
                InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new GridStackException("unknown host '" + host + "' in discovery address '" + entry + "'");
            }
        }
        return this;
    }

    private static String host(String entry) {
        String host = entry.substring(0, entry.lastIndexOf(':'));
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** True when every host is a loopback address (then a client binds loopback too). */
    public boolean allLoopback() {
        for (String entry : entries) {
            String host = host(entry);
            try {
                if (!InetAddress.getByName(host).isLoopbackAddress()) return false;
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return String.join(", ", entries);
    }
}
