package org.gridstack.source;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an HDF5 dataset is, as a user types it: {@code file.h5:/path/to/dataset}, or {@code file.h5} alone (then the
 * file must hold exactly one 3-D dataset). A source is taken as HDF5 when its file part ends in .h5, .hdf5, .hdf or
 * .he5 (and is not a folder), or when it is an existing file that starts with HDF5's signature; URLs are not.
 */
public record Hdf5Location(String file, String dataset) {
    private static final Pattern NAMED = Pattern.compile("(?i)(.+\\.(?:h5|hdf5|hdf|he5))(?::(/.*))?");
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    /** The location {@code source} names, or null if it does not name an HDF5 file. {@code dataset} is null when not given. */
    public static Hdf5Location parse(String source) {
        if (source == null) return null;
        String s = source.trim();
        if (s.contains("://") || new File(s).isDirectory()) return null;
        Matcher m = NAMED.matcher(s);
        if (m.matches() && !new File(m.group(1)).isDirectory()) return new Hdf5Location(m.group(1), m.group(2));
        int colon = s.lastIndexOf(":/");
        if (colon > 0 && hasSignature(new File(s.substring(0, colon)))) return new Hdf5Location(s.substring(0, colon), s.substring(colon + 1));
        return hasSignature(new File(s)) ? new Hdf5Location(s, null) : null;
    }

    public static boolean isHdf5(String source) {
        return parse(source) != null;
    }

    /** Whether the file starts with HDF5's signature (a user block before it is not looked for here). */
    private static boolean hasSignature(File f) {
        if (!f.isFile()) return false;
        byte[] head = new byte[SIGNATURE.length];
        try (InputStream in = new FileInputStream(f)) {
            if (in.readNBytes(head, 0, head.length) != head.length) return false;
        } catch (IOException e) {
            return false;
        }
        return Arrays.equals(head, SIGNATURE);
    }

    @Override
    public String toString() {
        return dataset == null ? file : file + ":" + dataset;
    }
}
