package org.gridstack.zarr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.gridstack.base.GridStackException;

/**
 * The directory store's file handling: JSON metadata read and written with Jackson, and every write made atomic
 * (a temporary file in the same directory, then one rename over the target), so that a reader, or another thread
 * or process writing the same key, never sees half a file.
 */
final class ZarrFiles {
    static final String ZARRAY = ".zarray";
    static final String ZGROUP = ".zgroup";
    static final String ZATTRS = ".zattrs";

    /** Reads NaN and Infinity as numbers too: Python's json module writes them bare in user attributes. */
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** Four-space indent and {@code "key": value}, as zarr-python writes its metadata. */
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("    ", "\n")));

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() { };

    private ZarrFiles() {
    }

    /** A JSON object file as a map in file order (nested objects as maps, arrays as lists), or null if it is absent. */
    static Map<String, Object> readObject(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new GridStackException("cannot read " + file + ": " + e, e);
        }
        try {
            Map<String, Object> m = MAPPER.readValue(bytes, OBJECT);
            if (m == null) throw new GridStackException(file + " is not a JSON object (it is empty or null)");
            return m;
        } catch (JsonProcessingException e) {
            throw new GridStackException(file + " is not a valid JSON object: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new GridStackException("cannot read " + file + ": " + e, e);
        }
    }

    /** Writes a JSON value (maps, lists, strings, numbers, booleans, null) atomically. */
    static void writeJson(Path file, Object value) {
        byte[] bytes;
        try {
            bytes = WRITER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new GridStackException("cannot write " + file + " as JSON: " + e.getOriginalMessage(), e);
        }
        writeAtomically(file, bytes);
    }

    /** Parses a JSON text (tests and tools). */
    static Object parse(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new GridStackException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes {@code bytes} to {@code target} through a uniquely named temporary file in the same directory and an
     * atomic rename over the target: concurrent writers of different keys never meet, concurrent writers of one
     * key leave one whole file, and readers see the old file or the new one. The temporary file is created like
     * any other (permissions from the umask), so that other users of a shared folder can read the result.
     */
    static void writeAtomically(Path target, byte[] bytes) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            deleteQuietly(tmp);
            throw new GridStackException("cannot write " + target + ": its file system cannot rename atomically", e);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new GridStackException("cannot write " + target + ": " + e, e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the write has failed already; that is what the caller hears about
        }
    }

    /** A node's user attributes ({@code .zattrs}); an empty map when there are none. */
    static Map<String, Object> readAttributes(Path dir) {
        Map<String, Object> m = readObject(dir.resolve(ZATTRS));
        return m == null ? new LinkedHashMap<>() : m;
    }

    static void writeAttributes(Path dir, Map<String, ?> attributes) {
        writeJson(dir.resolve(ZATTRS), attributes == null ? Map.of() : attributes);
    }

    /** Refuses a child name that is empty, absolute, or has "." or ".." segments (Zarr v2's logical path rules). */
    static String checkName(String name) {
        if (name == null) throw new GridStackException("a Zarr node name is needed");
        String n = name.replace('\\', '/').replaceAll("/+", "/").replaceAll("^/|/$", "");
        if (n.isEmpty()) throw new GridStackException("a Zarr node name must not be empty: \"" + name + "\"");
        for (String segment : n.split("/")) {
            if (segment.equals(".") || segment.equals("..")) throw new GridStackException("a Zarr node name must not have \".\" or \"..\" segments: \"" + name + "\"");
            if (segment.startsWith(".z")) throw new GridStackException("a Zarr node name must not start with \".z\" (metadata keys): \"" + name + "\"");
        }
        return n;
    }
}
