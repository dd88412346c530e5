package org.gridstack.grid;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.gridstack.base.GridStackException;

/**
 * The settings of a standalone server node, read from a properties file ({@code --config FILE}) and
 * {@code --key=value} options that override it; the keys are documented in scripts/gridstack-node.properties.
 * A value {@code env:NAME} is read from the environment variable NAME (keeps passwords off the command line).
 */
public final class ServerOptions {
    static final Set<String> KEYS = Set.of("name", "discovery.addresses", "bind.address", "discovery.port",
            "communication.port", "port.range", "thin.client.port", "region.mb", "region.pretouch", "backups", "work.dir",
            "persistence.dir", "persistence.activate.servers", "baseline.adjust.seconds", "tls.keystore",
            "tls.keystore.password", "tls.truststore", "tls.truststore.password", "auth.enabled", "auth.password");

    private final Properties values;

    private ServerOptions(Properties values) {
        this.values = values;
        Set<String> unknown = new TreeSet<>(values.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) throw new GridStackException("unknown node option(s) " + unknown + "; known: " + new TreeSet<>(KEYS));
        if (authEnabled() && persistenceDirectory() == null) {
            throw new GridStackException("auth.enabled needs persistence.dir: Ignite keeps its users in the persistent store");
        }
        if (authEnabled() && authPassword() == null) {
            throw new GridStackException("auth.enabled needs auth.password (for example auth.password=env:GRIDSTACK_PASSWORD)");
        }
        if (authEnabled() && thinClientPort() == 0) {
            throw new GridStackException("auth.enabled only guards the thin-client port; set thin.client.port too");
        }
    }

    public static ServerOptions of(Properties values) {
        Properties copy = new Properties();
        copy.putAll(values);
        return new ServerOptions(copy);
    }

    /** {@code [--config FILE] [--key=value ...]}; later options win. */
    public static ServerOptions parse(String... args) {
        Properties values = new Properties();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--config") && i + 1 < args.length) {
                load(Path.of(args[++i]), values);
            } else if (arg.startsWith("--config=")) {
                load(Path.of(arg.substring("--config=".length())), values);
            } else if (arg.startsWith("--") && arg.contains("=")) {
                int eq = arg.indexOf('=');
                values.setProperty(arg.substring(2, eq), arg.substring(eq + 1));
            } else {
                throw new GridStackException("unexpected argument '" + arg + "': use --config FILE or --key=value");
            }
        }
        return new ServerOptions(values);
    }

    private static void load(Path file, Properties into) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            into.load(r);
        } catch (IOException e) {
            throw new GridStackException("cannot read node configuration " + file + ": " + e.getMessage(), e);
        }
    }

    private String get(String key, String fallback) {
        String value = values.getProperty(key);
        if (value == null || value.isBlank()) return fallback;
        value = value.trim();
        if (value.startsWith("env:")) {
            String env = System.getenv(value.substring(4));
            if (env == null) throw new GridStackException("option " + key + " names environment variable " + value.substring(4) + ", which is not set");
            return env;
        }
        return value;
    }

    private boolean bool(String key, boolean fallback) {
        String text = get(key, null);
        if (text == null) return fallback;
        if (text.equals("true") || text.equals("false")) return Boolean.parseBoolean(text);
        throw new GridStackException("option " + key + "=" + text + " must be true or false");
    }

    private int integer(String key, int fallback, int min, int max) {
        String text = get(key, null);
        if (text == null) return fallback;
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new GridStackException("option " + key + "=" + text + " must be a whole number from " + min + " to " + max);
    }

    public String name() {
        return get("name", "gridstack-server");
    }

    public String bindAddress() {
        return get("bind.address", "127.0.0.1");
    }

    public int discoveryPort() {
        return integer("discovery.port", 47600, 1, 65535);
    }

    public int communicationPort() {
        return integer("communication.port", 47700, 1, 65535);
    }

    /** How many ports above the configured ones a node may take if they are busy (several nodes on one host). */
    public int portRange() {
        return integer("port.range", 9, 0, 100);
    }

    public NodeAddresses discoveryAddresses() {
        int port = discoveryPort();
        return NodeAddresses.parse(get("discovery.addresses", "127.0.0.1:" + port + ".." + (port + portRange())));
    }

    /** 0: no thin-client listener. */
    public int thinClientPort() {
        return integer("thin.client.port", 0, 0, 65535);
    }

    public long regionBytes() {
        return integer("region.mb", 4096, 64, Integer.MAX_VALUE) * (1L << 20);
    }

    public boolean regionPreTouch() {
        return bool("region.pretouch", true);
    }

    public int backups() {
        return integer("backups", 0, 0, 3);
    }

    public String workDirectory() {
        return get("work.dir", null);
    }

    public String persistenceDirectory() {
        return get("persistence.dir", null);
    }

    /** With persistence: activate the cluster once this many server nodes are up (first start only). */
    public int activateServers() {
        return integer("persistence.activate.servers", 1, 1, 1000);
    }

    /** With persistence: seconds after a server joins or leaves before the baseline follows it; -1 keeps it manual. */
    public int baselineAdjustSeconds() {
        return integer("baseline.adjust.seconds", 10, -1, 86400);
    }

    /** TLS settings, or null when no key store is configured. */
    public TlsSettings tls() {
        String keyStore = get("tls.keystore", null);
        if (keyStore == null) {
            if (get("tls.truststore", null) != null) throw new GridStackException("tls.truststore is set but tls.keystore is not");
            return null;
        }
        return new TlsSettings(keyStore, get("tls.keystore.password", ""), get("tls.truststore", null), get("tls.truststore.password", ""));
    }

    public boolean authEnabled() {
        return bool("auth.enabled", false);
    }

    /** The password the built-in user "ignite" gets on first activation (Ignite's default is "ignite"). */
    public String authPassword() {
        return get("auth.password", null);
    }
}
