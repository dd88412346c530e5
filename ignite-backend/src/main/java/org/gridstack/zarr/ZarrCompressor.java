package org.gridstack.zarr;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import org.gridstack.base.GridStackException;

/**
 * The compressor of a Zarr v2 array, as numcodecs names and configures it in {@code .zarray}: none ({@code null}),
 * {@code {"id": "zlib", "level": 1}} (a zlib stream, java.util.zip), {@code {"id": "gzip", "level": 1}} (a gzip
 * member) or {@code {"id": "zstd", "level": 1}} (a Zstandard frame that records its content size, zstd-jni).
 * Any other codec (blosc, lz4, bz2, lzma...) is refused with a message naming it. Immutable and thread-safe.
 */
public final class ZarrCompressor {
    /** No compression: a chunk file holds the raw bytes. */
    public static final ZarrCompressor NONE = new ZarrCompressor(null, 0, false);

    private static final String SUPPORTED = "supported: zlib, gzip, zstd, or null for none";

    private final String id;
    private final int level;
    private final boolean checksum;

    private ZarrCompressor(String id, int level, boolean checksum) {
        this.id = id;
        this.level = level;
        this.checksum = checksum;
    }

    /** zlib (RFC 1950) at level 0-9, or -1 for zlib's default; numcodecs' default is 1. */
    public static ZarrCompressor zlib(int level) {
        return new ZarrCompressor("zlib", deflateLevel("zlib", level), false);
    }

    /** gzip (RFC 1952) at level 0-9, or -1 for zlib's default; numcodecs' default is 1. */
    public static ZarrCompressor gzip(int level) {
        return new ZarrCompressor("gzip", deflateLevel("gzip", level), false);
    }

    /** Zstandard at a level from {@code Zstd.minCompressionLevel()} (negative: faster) to 22; numcodecs' default is 1. */
    public static ZarrCompressor zstd(int level) {
        return zstd(level, false);
    }

    /** Zstandard, with a content checksum in every frame when {@code checksum} is true (numcodecs 0.13 and later). */
    public static ZarrCompressor zstd(int level, boolean checksum) {
        int min;
        int max;
        try {
            min = Zstd.minCompressionLevel();
            max = Zstd.maxCompressionLevel();
        } catch (LinkageError e) {
            throw zstdUnavailable(e);
        }
        if (level < min || level > max) throw new GridStackException("zstd level " + level + " is out of range (" + min + " to " + max + ")");
        return new ZarrCompressor("zstd", level, checksum);
    }

    /** zstd-jni's native library did not load (a platform its jar has no library for, or a temp folder it cannot use). */
    private static GridStackException zstdUnavailable(LinkageError e) {
        return new GridStackException("the zstd compressor is not available on this machine (" + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + "): zstd-jni's native library did not load: " + e, e);
    }

    private static int deflateLevel(String id, int level) {
        if (level < -1 || level > 9) throw new GridStackException(id + " level " + level + " is out of range (0 to 9, or -1 for the default)");
        return level;
    }

    /** The numcodecs id ("zlib", "gzip", "zstd"), or null for none. */
    public String id() {
        return id;
    }

    /** The compression level (0 for none). */
    public int level() {
        return level;
    }

    /** Zstandard only: whether frames are written with a checksum. */
    public boolean checksum() {
        return checksum;
    }

    /** Reads {@code .zarray}'s "compressor": null, or an object with an "id" and that codec's configuration. */
    @SuppressWarnings("unchecked")
    static ZarrCompressor fromJson(Object json, String where) {
        if (json == null) return NONE;
        if (!(json instanceof Map)) throw new GridStackException(where + ": \"compressor\" must be null or an object with an \"id\", not " + json);
        Map<String, Object> config = (Map<String, Object>) json;
        Object idValue = config.get("id");
        if (!(idValue instanceof String)) throw new GridStackException(where + ": \"compressor\" has no \"id\": " + json);
        String codec = (String) idValue;
        if (!codec.equals("zlib") && !codec.equals("gzip") && !codec.equals("zstd")) {
            throw new GridStackException(where + ": compressor \"" + codec + "\" is not supported (" + SUPPORTED + ")");
        }
        try {
            int codecLevel = intOption(config, "level", 1);
            if (codec.equals("zlib")) return zlib(codecLevel);
            if (codec.equals("gzip")) return gzip(codecLevel);
            Object c = config.get("checksum");
            if (c != null && !(c instanceof Boolean)) throw new GridStackException("zstd \"checksum\" must be true or false, not " + c);
            return zstd(codecLevel, Boolean.TRUE.equals(c));
        } catch (GridStackException e) {
            throw new GridStackException(where + ": " + e.getMessage());
        }
    }

    private static int intOption(Map<String, Object> config, String key, int absent) {
        Object v = config.get(key);
        if (v == null) return absent;
        if (v instanceof Integer) return (Integer) v;
        throw new GridStackException(config.get("id") + " \"" + key + "\" must be an integer, not " + v);
    }

    /** The JSON value for {@code .zarray}'s "compressor" (null for none). */
    Map<String, Object> toJson() {
        if (id == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("level", level);
        if (checksum) m.put("checksum", true);
        return m;
    }

    /** Compresses one chunk's raw bytes into what its file holds. */
    byte[] encode(byte[] raw) {
        if (id == null) return raw;
        switch (id) {
            case "zlib": {
                Deflater deflater = new Deflater(level);
                try {
                    deflater.setInput(raw);
                    deflater.finish();
                    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 4));
                    byte[] buf = new byte[64 * 1024];
                    while (!deflater.finished()) out.write(buf, 0, deflater.deflate(buf));
                    return out.toByteArray();
                } finally {
                    deflater.end();
                }
            }
            case "gzip": {
                ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 4));
                try (GZIPOutputStream gz = new LeveledGzip(out, level)) {
                    gz.write(raw);
                } catch (IOException e) {
                    throw new IllegalStateException(e); // in memory: cannot happen
                }
                return out.toByteArray();
            }
            default: {
                try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
                    // The content size in the frame header: numcodecs' Zstd.decode needs it to size its buffer.
                    ctx.setLevel(level).setChecksum(checksum).setContentSize(true);
                    return ctx.compress(raw);
                } catch (LinkageError e) {
                    throw zstdUnavailable(e);
                }
            }
        }
    }

    /**
     * Decompresses a chunk file's bytes into exactly {@code expected} bytes; a file that holds fewer or more, or
     * whose stream is truncated or damaged, fails with a message naming {@code file}.
     */
    byte[] decode(byte[] stored, int expected, String file) {
        String corrupt = "corrupt Zarr chunk " + file + ": ";
        if (id == null) {
            if (stored.length != expected) {
                throw new GridStackException(corrupt + "it holds " + stored.length + " bytes, an uncompressed chunk has " + expected
                        + (stored.length < expected ? " (truncated file?)" : ""));
            }
            return stored;
        }
        switch (id) {
            case "zlib": return inflate(stored, expected, corrupt);
            case "gzip": return gunzip(stored, expected, corrupt);
            default:
                try {
                    return unzstd(stored, expected, corrupt);
                } catch (LinkageError e) {
                    throw zstdUnavailable(e);
                }
        }
    }

    private static byte[] inflate(byte[] stored, int expected, String corrupt) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored);
            byte[] out = new byte[expected];
            int n = 0;
            while (n < expected) {
                int k = inflater.inflate(out, n, expected - n);
                n += k;
                if (k == 0) {
                    if (inflater.finished()) break;
                    if (inflater.needsInput()) throw new GridStackException(corrupt + "the zlib stream ends after " + n + " of " + expected + " bytes (truncated file?)");
                    if (inflater.needsDictionary()) throw new GridStackException(corrupt + "the zlib stream needs a preset dictionary");
                }
            }
            if (n < expected) throw new GridStackException(corrupt + "it decompresses to " + n + " bytes, a chunk has " + expected);
            if (!inflater.finished()) {
                byte[] more = new byte[1];
                if (inflater.inflate(more) > 0) throw new GridStackException(corrupt + "it decompresses to more than the " + expected + " bytes of a chunk");
                if (!inflater.finished()) throw new GridStackException(corrupt + "the zlib stream lacks its end (truncated file?)");
            }
            return out;
        } catch (DataFormatException e) {
            throw new GridStackException(corrupt + "not a valid zlib stream (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] gunzip(byte[] stored, int expected, String corrupt) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored), 64 * 1024)) {
            byte[] out = new byte[expected];
            int n = in.readNBytes(out, 0, expected);
            if (n < expected) throw new GridStackException(corrupt + "it decompresses to " + n + " bytes, a chunk has " + expected);
            // Reading on to the end checks the gzip trailer (CRC-32 and length).
            if (in.read() != -1) throw new GridStackException(corrupt + "it decompresses to more than the " + expected + " bytes of a chunk");
            return out;
        } catch (EOFException e) {
            throw new GridStackException(corrupt + "the gzip stream ends early (truncated file?)", e);
        } catch (IOException e) {
            throw new GridStackException(corrupt + "not a valid gzip stream (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] unzstd(byte[] stored, int expected, String corrupt) {
        // The size the frame header declares: -1 when the frame does not say, below that when it is no frame.
        long declared = stored.length >= 4 ? Zstd.getFrameContentSize(stored) : -2;
        if (declared < -1) throw new GridStackException(corrupt + "no Zstandard frame header (truncated file, or not zstd?)");
        byte[] out = new byte[expected];
        int n;
        try (ZstdDecompressCtx ctx = new ZstdDecompressCtx()) {
            n = ctx.decompressByteArray(out, 0, expected, stored, 0, stored.length);
        } catch (ZstdException e) {
            String why = e.getMessage();
            if (declared > expected) throw new GridStackException(corrupt + "its frame holds " + declared + " bytes, a chunk has " + expected, e);
            boolean shortSource = why != null && why.contains("Src size");
            throw new GridStackException(corrupt + "the Zstandard frame cannot be decoded (" + why + (shortSource ? "; truncated file?" : "") + ")", e);
        }
        if (n != expected) throw new GridStackException(corrupt + "it decompresses to " + n + " bytes, a chunk has " + expected);
        return out;
    }

    /** GZIPOutputStream at a chosen level (the JDK's constructor takes none). */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(ByteArrayOutputStream out, int level) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(level);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ZarrCompressor)) return false;
        ZarrCompressor c = (ZarrCompressor) o;
        return java.util.Objects.equals(id, c.id) && level == c.level && checksum == c.checksum;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, level, checksum);
    }

    @Override
    public String toString() {
        return id == null ? "none" : id + " level " + level + (checksum ? " with checksum" : "");
    }
}
