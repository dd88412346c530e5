package org.gridstack.grid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridstack.base.GridStackException;

/**
 * The {@code --add-opens} options an Ignite node needs on Java 17+ (scripts/ignite-jvm-flags.txt, packaged as a
 * resource). Checked before starting a node so that a JVM without them (a stock Fiji) gets one clear message
 * instead of an InaccessibleObjectException from deep inside Ignite.
 */
public final class IgniteJvmFlags {
    static final String RESOURCE = "ignite-jvm-flags.txt";

    private IgniteJvmFlags() {}

    public static List<String> all() {
        try (InputStream in = IgniteJvmFlags.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the backend jar");
            List<String> flags = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) flags.add(line.trim());
            }
            return flags;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** The flags this JVM lacks (an {@code --add-opens=module/package=ALL-UNNAMED} not in force). */
    public static List<String> missing() {
        List<String> missing = new ArrayList<>();
        Module unnamed = IgniteJvmFlags.class.getClassLoader().getUnnamedModule();
        for (String flag : all()) {
            if (!flag.startsWith("--add-opens=")) continue;
            String[] target = flag.substring("--add-opens=".length()).split("=")[0].split("/");
            Optional<Module> module = ModuleLayer.boot().findModule(target[0]);
            if (module.isPresent() && !module.get().isOpen(target[1], unnamed)) missing.add(flag);
        }
        return missing;
    }

    public static void require() {
        List<String> missing = missing();
        if (missing.isEmpty()) return;
        throw new GridStackException("Grid Stack cannot start its Ignite node: this Java VM lacks " + missing.size()
                + " of the JVM options Ignite needs (first: " + missing.get(0) + "). For Fiji, run once: "
                + "scripts/install-fiji.sh /path/to/Fiji.app (it adds the options to Fiji's launcher configuration), "
                + "then restart Fiji; for plain java, add @scripts/ignite-jvm-flags.txt to the command line.");
    }
}
