package org.gridstack.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gridstack.base.GridStackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Zarr v2 directory store: every dtype and compressor, edge and missing chunks, metadata, and what is refused. */
class ZarrArrayTest {
    @TempDir
    Path tmp;

    private static final List<ZarrDtype> DTYPES = List.of(ZarrDtype.U1, ZarrDtype.I1, ZarrDtype.U2, ZarrDtype.I2, ZarrDtype.U4, ZarrDtype.I4,
            ZarrDtype.U8, ZarrDtype.I8, ZarrDtype.F4, ZarrDtype.F8,
            ZarrDtype.U2.withOrder(ByteOrder.BIG_ENDIAN), ZarrDtype.I4.withOrder(ByteOrder.BIG_ENDIAN),
            ZarrDtype.F4.withOrder(ByteOrder.BIG_ENDIAN), ZarrDtype.F8.withOrder(ByteOrder.BIG_ENDIAN));

    private static final List<ZarrCompressor> COMPRESSORS = List.of(ZarrCompressor.NONE, ZarrCompressor.zlib(5), ZarrCompressor.gzip(6),
            ZarrCompressor.zstd(3), ZarrCompressor.zstd(-5, true));

    static Stream<Arguments> everyDtypeAndCompressor() {
        List<Arguments> out = new ArrayList<>();
        for (ZarrDtype t : DTYPES) for (ZarrCompressor c : COMPRESSORS) out.add(Arguments.of(t.typestr(), c));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyDtypeAndCompressor")
    void everyDtypeAndCompressorRoundTrips(String typestr, ZarrCompressor compressor) {
        ZarrDtype t = ZarrDtype.parse(typestr, "test");
        // 5 x 7 x 9 in 2 x 3 x 4 chunks: every dimension ends in an edge chunk.
        ZarrHeader h = ZarrHeader.of(new long[] {5, 7, 9}, new int[] {2, 3, 4}, t).withCompressor(compressor).withFillValue(t.isFloat() ? Double.NaN : 3);
        ZarrArray written = ZarrArray.create(tmp.resolve("a.zarr"), h);
        for (long[] idx : TestValues.chunkIndices(written)) written.writeChunk(idx, TestValues.chunk(written, idx));

        ZarrArray read = ZarrArray.open(tmp.resolve("a.zarr"));
        assertEquals(h, read.header());
        assertEquals(typestr, read.header().dtype().typestr());
        assertEquals(27, TestValues.chunkIndices(read).size());
        for (long[] idx : TestValues.chunkIndices(read)) {
            Object expected = TestValues.chunk(read, idx);
            Object inside = read.readChunkInside(idx);
            assertSame(t.arrayClass(), inside.getClass());
            for (int i = 0; i < java.lang.reflect.Array.getLength(expected); i++) {
                assertEquals(TestValues.get(expected, i, t), TestValues.get(inside, i, t), "chunk " + Arrays.toString(idx) + " element " + i);
            }
            assertEquals(h.chunkElements(), java.lang.reflect.Array.getLength(read.readChunk(idx)));
        }
    }

    @Test
    void edgeChunksAreStoredFullSizePaddedWithTheFillValue() throws IOException {
        ZarrHeader h = ZarrHeader.of(new long[] {5, 7}, new int[] {4, 4}, ZarrDtype.U2.withOrder(ByteOrder.BIG_ENDIAN)).withFillValue(65535);
        ZarrArray a = ZarrArray.create(tmp.resolve("edge"), h);
        long[] corner = {1, 1};
        assertArrayEquals(new int[] {1, 3}, a.chunkExtent(corner));
        a.writeChunk(corner, new short[] {10, 11, 12});

        byte[] file = Files.readAllBytes(a.chunkPath(corner));
        assertEquals(4 * 4 * 2, file.length, "an edge chunk is stored at the full chunk shape");
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < 16; i++) {
            int expected = i == 0 ? 10 : i == 1 ? 11 : i == 2 ? 12 : 65535;
            assertEquals(expected, b.getShort() & 0xFFFF, "element " + i + " (big-endian, padded with the fill value)");
        }
        assertArrayEquals(new short[] {10, 11, 12}, (short[]) a.readChunkInside(corner));

        // The full chunk shape is accepted as well, outside values included.
        short[] full = new short[16];
        Arrays.fill(full, (short) 5);
        a.writeChunk(corner, full);
        assertArrayEquals(full, (short[]) a.readChunk(corner));
        assertArrayEquals(new short[] {5, 5, 5}, (short[]) a.readChunkInside(corner));
    }

    @Test
    void missingChunksReadAsTheFillValue() {
        ZarrArray ints = ZarrArray.create(tmp.resolve("ints"), ZarrHeader.of(new long[] {10, 10}, new int[] {4, 4}, ZarrDtype.I2).withFillValue(-42));
        assertFalse(ints.chunkExists(new long[] {2, 2}));
        short[] c = (short[]) ints.readChunk(new long[] {2, 2});
        assertEquals(16, c.length);
        for (short v : c) assertEquals(-42, v);

        ZarrArray floats = ZarrArray.create(tmp.resolve("floats"), ZarrHeader.of(new long[] {3}, new int[] {2}, ZarrDtype.F8).withFillValue(Double.NEGATIVE_INFINITY));
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, (double[]) floats.readChunk(new long[] {1}));
        ZarrArray nan = ZarrArray.create(tmp.resolve("nan"), ZarrHeader.of(new long[] {3}, new int[] {2}, ZarrDtype.F4).withFillValue(Double.NaN));
        assertTrue(Float.isNaN(((float[]) ZarrArray.open(tmp.resolve("nan")).readChunk(new long[] {0}))[1]));
        assertTrue(Double.isNaN(nan.header().fillValue().doubleValue()));

        ZarrArray none = ZarrArray.create(tmp.resolve("none"), ZarrHeader.of(new long[] {3}, new int[] {2}, ZarrDtype.U1).withFillValue(null));
        assertNull(ZarrArray.open(tmp.resolve("none")).header().fillValue());
        assertArrayEquals(new byte[] {0, 0}, (byte[]) none.readChunk(new long[] {1}), "no fill value: undefined by the spec, zeros here");

        ZarrArray u1 = ZarrArray.create(tmp.resolve("u1"), ZarrHeader.of(new long[] {3}, new int[] {3}, ZarrDtype.U1).withFillValue(255));
        assertArrayEquals(new byte[] {-1, -1, -1}, (byte[]) u1.readChunk(new long[] {0}));
        ZarrArray u8 = ZarrArray.create(tmp.resolve("u8"), ZarrHeader.of(new long[] {1}, new int[] {1}, ZarrDtype.U8).withFillValue(new java.math.BigInteger("18446744073709551615")));
        assertArrayEquals(new long[] {-1}, (long[]) ZarrArray.open(u8.path()).readChunk(new long[] {0}));
    }

    @Test
    void zarrayIsWrittenAsTheSpecificationSpellsIt() throws IOException {
        ZarrHeader h = ZarrHeader.of(new long[] {100, 20}, new int[] {10, 20}, ZarrDtype.F4).withCompressor(ZarrCompressor.zlib(3)).withFillValue(Double.NaN);
        ZarrArray.create(tmp.resolve("spec"), h);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) ZarrFiles.parse(Files.readString(tmp.resolve("spec/.zarray")));
        assertEquals(2, json.get("zarr_format"));
        assertEquals(List.of(100, 20), json.get("shape"));
        assertEquals(List.of(10, 20), json.get("chunks"));
        assertEquals("<f4", json.get("dtype"));
        assertEquals(Map.of("id", "zlib", "level", 3), json.get("compressor"));
        assertEquals("NaN", json.get("fill_value"));
        assertEquals("C", json.get("order"));
        assertTrue(json.containsKey("filters"));
        assertNull(json.get("filters"));
        assertEquals(".", json.get("dimension_separator"));
        assertTrue(Files.readString(tmp.resolve("spec/.zarray")).contains("\"fill_value\": \"NaN\""), "Python-style \"key\": value");

        for (double special : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.5}) {
            Path p = tmp.resolve("fill" + special);
            ZarrArray.create(p, h.withFillValue(special));
            assertEquals(special, ZarrArray.open(p).header().fillValue().doubleValue());
        }
        assertTrue(Files.readString(tmp.resolve("fillInfinity/.zarray")).contains("\"Infinity\""));
        assertTrue(Files.readString(tmp.resolve("fill-Infinity/.zarray")).contains("\"-Infinity\""));
    }

    @Test
    void nestedKeysUseTheSlashSeparator() {
        ZarrArray a = ZarrArray.create(tmp.resolve("nested"), ZarrHeader.of(new long[] {4, 4, 4}, new int[] {2, 2, 2}, ZarrDtype.U1).withDimensionSeparator("/"));
        a.writeChunk(new long[] {1, 0, 1}, new byte[8]);
        assertEquals("1/0/1", a.chunkKey(new long[] {1, 0, 1}));
        assertTrue(Files.isRegularFile(tmp.resolve("nested/1/0/1")));
        assertEquals("/", ZarrArray.open(tmp.resolve("nested")).header().dimensionSeparator());
        ZarrArray flat = ZarrArray.create(tmp.resolve("flat"), ZarrHeader.of(new long[] {4, 4, 4}, new int[] {2, 2, 2}, ZarrDtype.U1));
        flat.writeChunk(new long[] {1, 0, 1}, new byte[8]);
        assertTrue(Files.isRegularFile(tmp.resolve("flat/1.0.1")));
    }

    @Test
    void aMissingDimensionSeparatorMeansDot() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(dir.resolve(".zarray"), "{\"zarr_format\": 2, \"shape\": [4], \"chunks\": [2], \"dtype\": \">i2\", \"compressor\": {\"id\": \"gzip\"},"
                + " \"fill_value\": 0, \"order\": \"C\", \"filters\": null}");
        ZarrArray a = ZarrArray.open(dir);
        assertEquals(".", a.header().dimensionSeparator());
        assertEquals(ZarrCompressor.gzip(1), a.header().compressor(), "numcodecs' default level");
        assertEquals(ByteOrder.BIG_ENDIAN, a.header().dtype().order());
    }

    @Test
    void zeroDimensionalArraysHaveOneChunkKeyedZero() {
        ZarrArray a = ZarrArray.create(tmp.resolve("scalar"), ZarrHeader.of(new long[0], new int[0], ZarrDtype.F8).withCompressor(ZarrCompressor.zstd(1)));
        a.writeChunk(new long[0], new double[] {2.5});
        assertTrue(Files.isRegularFile(tmp.resolve("scalar/0")));
        assertArrayEquals(new double[] {2.5}, (double[]) ZarrArray.open(a.path()).readChunk(new long[0]));
    }

    static Stream<Arguments> refusedZarrays() {
        String base = "\"zarr_format\": 2, \"shape\": [4], \"chunks\": [2], \"fill_value\": 0, ";
        return Stream.of(
                Arguments.of(base + "\"dtype\": \"<u2\", \"order\": \"C\", \"filters\": null, \"compressor\": {\"id\": \"blosc\", \"cname\": \"lz4\", \"clevel\": 5, \"shuffle\": 1}", "compressor \"blosc\" is not supported"),
                Arguments.of(base + "\"dtype\": \"<u2\", \"order\": \"C\", \"filters\": null, \"compressor\": {\"id\": \"lz4\", \"acceleration\": 1}", "compressor \"lz4\" is not supported"),
                Arguments.of(base + "\"dtype\": \"<u2\", \"order\": \"C\", \"filters\": null, \"compressor\": {\"id\": \"bz2\", \"level\": 1}", "compressor \"bz2\" is not supported"),
                Arguments.of(base + "\"dtype\": \"<u2\", \"order\": \"F\", \"filters\": null, \"compressor\": null", "order \"F\" (column-major chunks) is not supported"),
                Arguments.of(base + "\"dtype\": \"<u2\", \"order\": \"C\", \"filters\": [{\"id\": \"delta\", \"dtype\": \"<u2\"}], \"compressor\": null", "filters [\"delta\"] are not supported"),
                Arguments.of(base + "\"dtype\": \"<f4\", \"order\": \"C\", \"filters\": [{\"id\": \"quantize\", \"digits\": 2}, {\"id\": \"shuffle\"}], \"compressor\": null", "filters [\"quantize\", \"shuffle\"] are not supported"),
                Arguments.of(base + "\"dtype\": \"|b1\", \"order\": \"C\", \"filters\": null, \"compressor\": null", "dtype \"|b1\": booleans are not supported"),
                Arguments.of(base + "\"dtype\": \"<c8\", \"order\": \"C\", \"filters\": null, \"compressor\": null", "dtype \"<c8\": complex numbers are not supported"),
                Arguments.of(base + "\"dtype\": \"<f2\", \"order\": \"C\", \"filters\": null, \"compressor\": null", "dtype \"<f2\": half-precision floats are not supported"),
                Arguments.of(base + "\"dtype\": \"|S12\", \"order\": \"C\", \"filters\": null, \"compressor\": null", "dtype \"|S12\": strings"),
                Arguments.of(base + "\"dtype\": \"|u2\", \"order\": \"C\", \"filters\": null, \"compressor\": null", "needs its byte order"),
                Arguments.of(base + "\"dtype\": [[\"r\", \"|u1\"], [\"g\", \"|u1\"]], \"order\": \"C\", \"filters\": null, \"compressor\": null", "structured dtype"),
                Arguments.of("\"zarr_format\": 3, \"shape\": [4], \"chunks\": [2], \"fill_value\": 0, \"dtype\": \"<u2\", \"order\": \"C\", \"compressor\": null", "zarr_format 3 is not supported"),
                Arguments.of(base + "\"dtype\": \"<u2\", \"order\": \"C\", \"filters\": null, \"compressor\": null, \"dimension_separator\": \"-\"", "dimension_separator \"-\" must be"),
                Arguments.of(base + "\"dtype\": \"<u2\", \"order\": \"C\", \"filters\": null, \"compressor\": {\"id\": \"zlib\", \"level\": 12}", "zlib level 12 is out of range"),
                Arguments.of("\"zarr_format\": 2, \"shape\": [4], \"chunks\": [2], \"fill_value\": 70000, \"dtype\": \"<u2\", \"order\": \"C\", \"compressor\": null", "fill_value 70000 is out of range"),
                Arguments.of("\"zarr_format\": 2, \"shape\": [4], \"chunks\": [2], \"fill_value\": \"NaN\", \"dtype\": \"<i4\", \"order\": \"C\", \"compressor\": null", "fill_value \"NaN\" is not valid for dtype \"<i4\""),
                Arguments.of("\"zarr_format\": 2, \"chunks\": [2], \"fill_value\": 0, \"dtype\": \"<u2\", \"order\": \"C\", \"compressor\": null", "lacks \"shape\""),
                Arguments.of("\"zarr_format\": 2, \"shape\": [4, 4], \"chunks\": [2], \"fill_value\": 0, \"dtype\": \"<u2\", \"order\": \"C\", \"compressor\": null", "differ in rank"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusedZarrays")
    void unsupportedOrInvalidMetadataIsRefusedByName(String body, String message) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("refused"));
        Files.writeString(dir.resolve(".zarray"), "{" + body + "}");
        GridStackException e = assertThrows(GridStackException.class, () -> ZarrArray.open(dir));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve(".zarray").toString()), "names the file: " + e.getMessage());
    }

    @Test
    void invalidJsonAndMissingArraysAreNamed() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(dir.resolve(".zarray"), "{\"zarr_format\": 2,");
        GridStackException e = assertThrows(GridStackException.class, () -> ZarrArray.open(dir));
        assertTrue(e.getMessage().contains(dir.resolve(".zarray") + " is not a valid JSON object"), e.getMessage());

        e = assertThrows(GridStackException.class, () -> ZarrArray.open(tmp.resolve("nothing")));
        assertTrue(e.getMessage().contains("no Zarr array in " + tmp.resolve("nothing")), e.getMessage());
        ZarrGroup.create(tmp.resolve("group"));
        e = assertThrows(GridStackException.class, () -> ZarrArray.open(tmp.resolve("group")));
        assertTrue(e.getMessage().contains("is a Zarr group, not an array"), e.getMessage());
        e = assertThrows(GridStackException.class, () -> ZarrArray.create(tmp.resolve("group"), ZarrHeader.of(new long[] {1}, new int[] {1}, ZarrDtype.U1)));
        assertTrue(e.getMessage().contains("already holds a Zarr group"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "zlib", "gzip", "zstd", "zstd+checksum"})
    void truncatedOrDamagedChunkFilesFailNamingTheFile(String codec) throws IOException {
        ZarrCompressor c = codec.equals("none") ? ZarrCompressor.NONE : codec.equals("zlib") ? ZarrCompressor.zlib(1)
                : codec.equals("gzip") ? ZarrCompressor.gzip(1) : ZarrCompressor.zstd(1, codec.endsWith("checksum"));
        ZarrArray a = ZarrArray.create(tmp.resolve(codec.replace('+', '-')), ZarrHeader.of(new long[] {64, 64}, new int[] {64, 64}, ZarrDtype.U2).withCompressor(c));
        long[] idx = {0, 0};
        a.writeChunk(idx, TestValues.chunk(a, idx));
        Path file = a.chunkPath(idx);
        assertArrayEquals((short[]) TestValues.chunk(a, idx), (short[]) a.readChunk(idx));
        byte[] whole = Files.readAllBytes(file);

        for (int keep : new int[] {whole.length / 2, whole.length - 1, 3, 0}) {
            Files.write(file, Arrays.copyOf(whole, keep));
            GridStackException e = assertThrows(GridStackException.class, () -> a.readChunk(idx), "kept " + keep + " of " + whole.length + " bytes");
            assertTrue(e.getMessage().startsWith("corrupt Zarr chunk " + file + ": "), e.getMessage());
        }
        byte[] damaged = whole.clone();
        for (int i = 10; i < damaged.length; i += 7) damaged[i] ^= 0x5A;
        Files.write(file, damaged);
        // Only codecs with a checksum notice flipped bits (zlib: Adler-32, gzip: CRC-32, zstd: optional XXH64).
        if (!codec.equals("none") && !codec.equals("zstd")) {
            GridStackException e = assertThrows(GridStackException.class, () -> a.readChunk(idx));
            assertTrue(e.getMessage().startsWith("corrupt Zarr chunk " + file + ": "), e.getMessage());
        }
        // A chunk of another shape: too many bytes.
        Files.write(file, c.encode(new byte[64 * 64 * 2 + 2]));
        GridStackException e = assertThrows(GridStackException.class, () -> a.readChunk(idx));
        assertTrue(e.getMessage().startsWith("corrupt Zarr chunk " + file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("8192"), "says the size a chunk has: " + e.getMessage());
    }

    @Test
    void wrongChunkDataOrIndexIsRefused() {
        ZarrArray a = ZarrArray.create(tmp.resolve("w"), ZarrHeader.of(new long[] {5, 5}, new int[] {4, 4}, ZarrDtype.F4));
        GridStackException e = assertThrows(GridStackException.class, () -> a.writeChunk(new long[] {0, 0}, new double[16]));
        assertTrue(e.getMessage().contains("must be a float[] (dtype <f4), not double[]"), e.getMessage());
        e = assertThrows(GridStackException.class, () -> a.writeChunk(new long[] {1, 1}, new float[5]));
        assertTrue(e.getMessage().contains("has 5 elements; the chunk has 16 [4, 4], of which 1 [1, 1] inside the array"), e.getMessage());
        e = assertThrows(GridStackException.class, () -> a.readChunk(new long[] {2, 0}));
        assertTrue(e.getMessage().contains("chunk index [2, 0] is outside the chunk grid [2, 2]"), e.getMessage());
        e = assertThrows(GridStackException.class, () -> a.readChunk(new long[] {0}));
        assertTrue(e.getMessage().contains("outside the chunk grid"), e.getMessage());
        assertThrows(GridStackException.class, () -> ZarrHeader.of(new long[] {1 << 20}, new int[] {1 << 30}, ZarrDtype.F8));
    }

    @Test
    void attributesRoundTripAndReadPythonJson() throws IOException {
        ZarrArray a = ZarrArray.create(tmp.resolve("attrs"), ZarrHeader.of(new long[] {1}, new int[] {1}, ZarrDtype.U1));
        assertEquals(Map.of(), a.attributes());
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("title", "Ménière µm – 日本");
        attrs.put("count", 42);
        attrs.put("big", 1L << 40);
        attrs.put("ratio", 0.1);
        attrs.put("flags", List.of(true, false));
        attrs.put("nested", Map.of("a", List.of(1, 2, 3), "b", Map.of()));
        attrs.put("nothing", null);
        a.writeAttributes(attrs);
        assertEquals(attrs, ZarrArray.open(a.path()).attributes());
        assertEquals(List.copyOf(attrs.keySet()), List.copyOf(a.attributes().keySet()), "file order kept");

        // Python's json.dumps writes NaN and Infinity bare.
        Files.writeString(a.path().resolve(".zattrs"), "{\"offset\": NaN, \"max\": Infinity}", StandardCharsets.UTF_8);
        assertTrue(Double.isNaN(((Number) a.attributes().get("offset")).doubleValue()));
        Files.writeString(a.path().resolve(".zattrs"), "[1, 2]");
        GridStackException e = assertThrows(GridStackException.class, a::attributes);
        assertTrue(e.getMessage().contains(".zattrs is not a valid JSON object"), e.getMessage());
    }

    @Test
    void groupsHoldArraysAndGroupsAndCreateTheGroupsBetween() throws IOException {
        ZarrGroup root = ZarrGroup.create(tmp.resolve("root.zarr"));
        assertEquals("{\n    \"zarr_format\": 2\n}", Files.readString(tmp.resolve("root.zarr/.zgroup")).strip());
        ZarrArray deep = root.createArray("labels/cells/0", ZarrHeader.of(new long[] {2}, new int[] {2}, ZarrDtype.U4));
        assertTrue(Files.isRegularFile(tmp.resolve("root.zarr/labels/.zgroup")));
        assertTrue(Files.isRegularFile(tmp.resolve("root.zarr/labels/cells/.zgroup")));
        assertEquals(deep.header(), root.openGroup("labels").openGroup("cells").openArray("0").header());
        root.writeAttributes(Map.of("k", "v"));
        assertEquals(Map.of("k", "v"), ZarrGroup.open(root.path()).attributes());
        assertEquals(Map.of("k", "v"), ZarrGroup.create(root.path()).attributes(), "create opens an existing group");
        assertThrows(GridStackException.class, () -> root.createGroup("../escape"));
        assertThrows(GridStackException.class, () -> root.createGroup("a/./b"));
        GridStackException e = assertThrows(GridStackException.class, () -> ZarrGroup.open(deep.path()));
        assertTrue(e.getMessage().contains("is a Zarr array, not a group"), e.getMessage());
    }
}
