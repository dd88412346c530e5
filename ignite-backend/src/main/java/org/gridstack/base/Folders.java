package org.gridstack.base;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing the folders Grid Stack makes for itself (work, spill and temp folders). */
public final class Folders {
    private Folders() {}

    /**
     * Deletes {@code folder} and everything in it, as far as it can: what cannot be deleted is left (a leftover in
     * a work or temp folder is harmless, and the caller has nothing better to do about it). Null or absent: nothing.
     */
    public static void deleteQuietly(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) return;
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // see above
        }
    }
}
