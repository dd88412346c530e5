package org.gridstack.zarr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gridstack.base.GridStackException;

/**
 * A Zarr v2 group in a directory: {@code .zgroup} ({@code {"zarr_format": 2}}), optional {@code .zattrs}, and its
 * members, arrays and groups in child directories. Creating a member at a nested name ("labels/cells") creates the
 * groups between, as the specification asks.
 */
public final class ZarrGroup {
    private final Path dir;

    private ZarrGroup(Path dir) {
        this.dir = dir;
    }

    /** Opens the group in {@code dir}; fails if it has no {@code .zgroup} or its zarr_format is not 2. */
    public static ZarrGroup open(Path dir) {
        Path file = dir.resolve(ZarrFiles.ZGROUP);
        Map<String, Object> json = ZarrFiles.readObject(file);
        if (json == null) {
            if (Files.exists(dir.resolve(ZarrFiles.ZARRAY))) throw new GridStackException(dir + " is a Zarr array, not a group (it has .zarray, no .zgroup)");
            if (Files.exists(dir.resolve("zarr.json"))) throw new GridStackException(dir + " is a Zarr v3 node (zarr.json); only Zarr v2 is supported");
            throw new GridStackException("no Zarr group in " + dir + " (no .zgroup)");
        }
        Object format = json.get("zarr_format");
        if (!Integer.valueOf(2).equals(format)) throw new GridStackException(file + ": zarr_format " + format + " is not supported (only 2)");
        return new ZarrGroup(dir);
    }

    /** Opens the group in {@code dir}, or creates it (and the directory) if there is none; refuses an array. */
    public static ZarrGroup create(Path dir) {
        if (Files.exists(dir.resolve(ZarrFiles.ZARRAY))) throw new GridStackException(dir + " already holds a Zarr array, not a group");
        if (Files.exists(dir.resolve(ZarrFiles.ZGROUP))) return open(dir);
        ZarrFiles.writeJson(dir.resolve(ZarrFiles.ZGROUP), Map.of("zarr_format", 2));
        return new ZarrGroup(dir);
    }

    public Path path() {
        return dir;
    }

    /** A member group at a (possibly nested) name, created with the groups between if needed. */
    public ZarrGroup createGroup(String name) {
        return create(parentOf(name).dir.resolve(leaf(name)));
    }

    /** A new member array at a (possibly nested) name; the groups between are created if needed. */
    public ZarrArray createArray(String name, ZarrHeader header) {
        return ZarrArray.create(parentOf(name).dir.resolve(leaf(name)), header);
    }

    public ZarrGroup openGroup(String name) {
        return open(dir.resolve(ZarrFiles.checkName(name)));
    }

    public ZarrArray openArray(String name) {
        return ZarrArray.open(dir.resolve(ZarrFiles.checkName(name)));
    }

    /** The user attributes ({@code .zattrs}) as a mutable map in file order; empty when there are none. */
    public Map<String, Object> attributes() {
        return ZarrFiles.readAttributes(dir);
    }

    /** Replaces the user attributes with a JSON-serializable map (maps, lists, strings, numbers, booleans, null). */
    public void writeAttributes(Map<String, ?> attributes) {
        ZarrFiles.writeAttributes(dir, attributes);
    }

    private ZarrGroup parentOf(String name) {
        String n = ZarrFiles.checkName(name);
        ZarrGroup g = this;
        String[] segments = n.split("/");
        for (int i = 0; i < segments.length - 1; i++) g = create(g.dir.resolve(segments[i]));
        return g;
    }

    private static String leaf(String name) {
        String n = ZarrFiles.checkName(name);
        return n.substring(n.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return "Zarr group " + dir;
    }
}
