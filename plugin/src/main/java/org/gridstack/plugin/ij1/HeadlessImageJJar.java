package org.gridstack.plugin.ij1;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import net.imagej.patcher.LegacyInjector;

/**
 * Writes a copy of ImageJ 1's jar with ij1-patcher's headless patches already applied (its {@code writeJar} output:
 * the patched classes and the hooks they call, laid over every other entry of the original). A JVM with this jar in
 * place of ij.jar runs ImageJ headless without the ij1-patcher agent, which otherwise rewrites those classes with
 * Javassist at every start (about 2.5 s of a fresh JVM here); lanes for users' macros see the classes already
 * patched and use them as they are. {@code scripts/gridstack} makes it once per build.
 *
 * <p>Usage: {@code HeadlessImageJJar ORIGINAL_IJ_JAR OUTPUT_JAR}, with ImageJ, ij1-patcher and Javassist on the class
 * path and {@code --add-opens=java.base/java.lang=ALL-UNNAMED}; no ImageJ class may be loaded before it runs.
 */
public final class HeadlessImageJJar {
    private HeadlessImageJJar() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) throw new IllegalArgumentException("usage: HeadlessImageJJar ORIGINAL_IJ_JAR OUTPUT_JAR");
        Path patches = Files.createTempFile("gridstack-ij-patches-", ".jar");
        try {
            LegacyInjector.writeJar(patches.toFile(), true, false);
            write(Path.of(args[0]), patches, Path.of(args[1]));
        } finally {
            Files.deleteIfExists(patches);
        }
    }

    /** {@code out}: every entry of {@code patches}, then every entry of {@code original} that it does not replace. */
    static void write(Path original, Path patches, Path out) throws IOException {
        Set<String> written = new HashSet<>();
        try (JarFile base = new JarFile(original.toFile());
                JarFile patched = new JarFile(patches.toFile());
                JarOutputStream jar = new JarOutputStream(Files.newOutputStream(out), base.getManifest())) {
            written.add(JarFile.MANIFEST_NAME);
            copyEntries(patched, jar, written);
            copyEntries(base, jar, written);
        }
    }

    private static void copyEntries(JarFile from, JarOutputStream to, Set<String> written) throws IOException {
        for (JarEntry entry : Collections.list(from.entries())) {
            if (!written.add(entry.getName())) continue;
            to.putNextEntry(new JarEntry(entry.getName()));
            try (InputStream in = from.getInputStream(entry)) {
                in.transferTo(to);
            }
            to.closeEntry();
        }
    }
}
