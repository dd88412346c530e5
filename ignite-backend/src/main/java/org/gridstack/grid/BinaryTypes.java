package org.gridstack.grid;

import java.io.IOException;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.ignite.Ignite;
import org.apache.ignite.binary.BinaryObjectException;

/**
 * Registers the binary types of Grid Stack's serializable classes with the cluster when a server starts. Ignite
 * registers a type the first time an object of it is marshalled, with a discovery message that goes round every
 * node and back; in a fresh cluster each operation's first catalog entries and jobs waited for several of those
 * (about a fifth of a cold recenter). Types are registered once per cluster: a server that finds them known does
 * nothing more.
 */
public final class BinaryTypes {
    private static final String ROOT = "org/gridstack/";

    private BinaryTypes() {}

    /** Registers every serializable class of the backend's own jar or class folder. */
    public static void register(Ignite ignite) {
        for (String name : classNames()) {
            try {
                Class<?> type = Class.forName(name, false, BinaryTypes.class.getClassLoader());
                if (!Serializable.class.isAssignableFrom(type) || type.isInterface() || type.isAnonymousClass() || type.isSynthetic()) continue;
                ignite.binary().registerClass(type);
            } catch (ClassNotFoundException | LinkageError | BinaryObjectException e) {
                // a class the marshaller cannot describe is registered, as before, when (if ever) it is marshalled
            } catch (RuntimeException e) {
                return; // the cluster cannot take registrations now: each type is registered on first use
            }
        }
    }

    private static List<String> classNames() {
        List<String> names = new ArrayList<>();
        try {
            Path location = Path.of(BinaryTypes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location.resolve(ROOT))) {
                    files.map(f -> location.relativize(f).toString()).forEach(f -> addClass(f, names));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) addClass(e.nextElement().getName(), names);
                }
            }
        } catch (IOException | URISyntaxException | SecurityException e) {
            // nothing registered ahead: each type is registered when first marshalled
        }
        return names;
    }

    private static void addClass(String path, List<String> names) {
        String p = path.replace('\\', '/');
        if (p.startsWith(ROOT) && p.endsWith(".class") && !p.contains("$$")) names.add(p.substring(0, p.length() - 6).replace('/', '.'));
    }
}
