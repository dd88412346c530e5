package org.gridstack.plugin.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;

/** Folders a test cannot write into, and the reason the operating system gives, for checking write failures. */
public final class UnwritableFolder {
    private UnwritableFolder() {}

    /**
     * A folder this process cannot create files in: a read-only folder made in {@code dir}, or, for root (who may
     * write into any folder of a writable file system), /sys, where nobody may create files.
     */
    public static Path in(Path dir) throws IOException {
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (openError(readOnly.resolve("probe.csv")) != null) return readOnly;
        Path sys = Paths.get("/sys");
        assumeTrue(Files.isDirectory(sys) && openError(sys.resolve("probe.csv")) != null, "a folder this user cannot write into");
        return sys;
    }

    /** The reason the operating system gives for not creating the file, or null if it could be created. */
    public static String openError(Path file) {
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            Files.delete(file);
            return null;
        } catch (IOException e) {
            String m = e.getMessage();
            return m.substring(m.lastIndexOf(" (") + 2, m.length() - 1);
        }
    }
}
