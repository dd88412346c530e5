package org.gridstack.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An independent check against zarr-python (Debian's python3-zarr): arrays written here are read by Python, and
 * arrays written by Python are read here, for u1, u2 and f4 under none, zlib, gzip and zstd (when numcodecs has
 * it), with edge chunks, never-written chunks (the fill value) and both chunk key separators. Skipped, with the
 * reason, when neither python3 on the PATH nor /usr/bin/python3 can import zarr; {@code GRIDSTACK_PYTHON} names
 * the one interpreter to use instead.
 */
class ZarrPythonInteropTest {
    private static final long[] SHAPE = {3, 5, 7};
    private static final int[] CHUNKS = {2, 2, 3};

    private static String python;
    private static boolean pythonHasZstd;
    private static String noPython;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findPython() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("GRIDSTACK_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        } else {
            // Debian's python3-zarr is in /usr/bin/python3's packages; a python3 earlier on the PATH (pyenv, venv) may lack it.
            candidates.add("python3");
            candidates.add("/usr/bin/python3");
        }
        String probe = "import json, numcodecs, zarr\n"
                + "try:\n    z = numcodecs.Zstd(level=1); ok = z.decode(z.encode(b'abc')) == b'abc'\nexcept Exception:\n    ok = False\n"
                + "print(json.dumps({'zarr': zarr.__version__, 'numcodecs': numcodecs.__version__, 'zstd': bool(ok)}))";
        List<String> tried = new ArrayList<>();
        for (String candidate : candidates) {
            try {
                Result r = run(List.of(candidate, "-c", probe));
                if (r.exit == 0) {
                    Map<?, ?> info = (Map<?, ?>) ZarrFiles.parse(r.lastLine());
                    python = candidate;
                    pythonHasZstd = Boolean.TRUE.equals(info.get("zstd"));
                    System.err.println("ZarrPythonInteropTest: " + candidate + " has zarr " + info.get("zarr") + ", numcodecs " + info.get("numcodecs")
                            + (pythonHasZstd ? " with" : " without") + " zstd");
                    return;
                }
                tried.add(candidate + ": " + r.lastLine());
            } catch (IOException e) {
                tried.add(candidate + ": " + e.getMessage());
            }
        }
        noPython = "python3-zarr is not importable (apt-get install -y python3-zarr); tried " + tried;
        System.err.println("ZarrPythonInteropTest skipped: " + noPython);
    }

    /** Each test is reported as skipped, with the reason, when there is no zarr-python. */
    @BeforeEach
    void needPython() {
        assumeTrue(python != null, noPython);
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        String[] dtypes = {"|u1", "<u2", "<f4"};
        String[] codecs = {"none", "zlib", "gzip", "zstd"};
        int k = 0;
        for (String t : dtypes) for (String c : codecs) out.add(Arguments.of(t, c, k++ % 2 == 0 ? "." : "/"));
        return out.stream();
    }

    @ParameterizedTest(name = "Java writes {0} {1} \"{2}\", Python reads")
    @MethodSource("cases")
    void pythonReadsWhatJavaWrites(String typestr, String codec, String separator) throws IOException {
        assumeTrue(!codec.equals("zstd") || pythonHasZstd, "numcodecs here has no Zstd");
        ZarrDtype t = ZarrDtype.parse(typestr, "test");
        Number fill = t.isFloat() ? Double.NaN : 7;
        ZarrArray a = ZarrArray.create(tmp.resolve("java.zarr"), ZarrHeader.of(SHAPE, CHUNKS, t)
                .withCompressor(compressor(codec)).withFillValue(fill).withDimensionSeparator(separator));
        int written = 0;
        for (long[] idx : TestValues.chunkIndices(a)) {
            if (unwritten(idx)) continue;
            a.writeChunk(idx, TestValues.chunk(a, idx));
            written++;
        }
        String script = "import json, sys, zarr\n"
                + "a = zarr.open_array(sys.argv[1], mode='r')\n"
                + "fv = a.fill_value.item() if hasattr(a.fill_value, 'item') else a.fill_value\n"
                + "print(json.dumps({'dtype': a.dtype.str, 'shape': list(a.shape), 'chunks': list(a.chunks), 'fill': fv,\n"
                + "    'compressor': a.compressor.get_config() if a.compressor is not None else None,\n"
                + "    'initialized': a.nchunks_initialized, 'values': a[...].ravel().tolist()}))\n";
        Result r = run(List.of(python, "-c", script, a.path().toString()));
        assertEquals(0, r.exit, r.output);
        Map<?, ?> got = (Map<?, ?>) ZarrFiles.parse(r.lastLine());

        assertEquals(typestr, got.get("dtype"));
        assertEquals(List.of(3, 5, 7), got.get("shape"));
        assertEquals(List.of(2, 2, 3), got.get("chunks"));
        if (t.isFloat()) assertTrue(Double.isNaN(((Number) got.get("fill")).doubleValue()), "fill " + got.get("fill"));
        else assertEquals(7, got.get("fill"));
        assertEquals(codec.equals("none") ? null : Map.of("id", codec, "level", level(codec)), got.get("compressor"));
        // zarr-python 2.13 counts initialized chunks by listing the array's folder only, which undercounts nested keys.
        if (separator.equals(".")) assertEquals(written, got.get("initialized"));
        List<?> values = (List<?>) got.get("values");
        assertEquals(3 * 5 * 7, values.size());
        for (int i = 0; i < values.size(); i++) {
            long[] pos = {i / 35, i / 7 % 5, i % 7};
            double expected = inUnwrittenChunk(pos) ? fill.doubleValue() : TestValues.value(t, pos);
            assertEquals(expected, ((Number) values.get(i)).doubleValue(), "element " + Arrays.toString(pos));
        }
    }

    @ParameterizedTest(name = "Python writes {0} {1} \"{2}\", Java reads")
    @MethodSource("cases")
    void javaReadsWhatPythonWrites(String typestr, String codec, String separator) throws IOException {
        assumeTrue(!codec.equals("zstd") || pythonHasZstd, "numcodecs here has no Zstd");
        ZarrDtype t = ZarrDtype.parse(typestr, "test");
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 3 * 5 * 7; i++) values.add(TestValues.value(t, new long[] {i / 35, i / 7 % 5, i % 7}));
        Path data = tmp.resolve("values.json");
        Files.writeString(data, values.toString());
        Path dir = tmp.resolve("python.zarr");
        // Python writes t 0-1 whole and t 2 for y 0-3: the chunks (1, 2, *) stay unwritten.
        String script = "import json, sys, numpy, numcodecs, zarr\n"
                + "path, dtype, codec, level, sep, data = sys.argv[1:7]\n"
                + "values = numpy.array(json.load(open(data)), dtype=dtype).reshape((3, 5, 7))\n"
                + "compressor = None if codec == 'none' else {'zlib': numcodecs.Zlib, 'gzip': numcodecs.GZip, 'zstd': numcodecs.Zstd}[codec](level=int(level))\n"
                + "fill = float('nan') if dtype.endswith('f4') else 7\n"
                + "a = zarr.open_array(path, mode='w', shape=(3, 5, 7), chunks=(2, 2, 3), dtype=dtype, compressor=compressor,\n"
                + "    fill_value=fill, dimension_separator=sep)\n"
                + "a[0:2] = values[0:2]\n"
                + "a[2:3, 0:4] = values[2:3, 0:4]\n"
                + "print('written')\n";
        Result r = run(List.of(python, "-c", script, dir.toString(), typestr, codec, String.valueOf(level(codec)), separator, data.toString()));
        assertEquals(0, r.exit, r.output);

        ZarrArray a = ZarrArray.open(dir);
        ZarrHeader h = a.header();
        assertEquals(t, h.dtype());
        assertEquals(compressor(codec), h.compressor());
        assertEquals(separator, h.dimensionSeparator());
        if (t.isFloat()) assertTrue(Double.isNaN(h.fillValue().doubleValue()));
        else assertEquals(7L, h.fillValue());
        for (long[] idx : TestValues.chunkIndices(a)) {
            assertEquals(!unwritten(idx), a.chunkExists(idx), "chunk " + Arrays.toString(idx) + " exists");
            Object inside = a.readChunkInside(idx);
            Object expected = TestValues.chunk(a, idx);
            for (int i = 0; i < Array.getLength(inside); i++) {
                double want = unwritten(idx) ? h.fillValue().doubleValue() : TestValues.get(expected, i, t);
                assertEquals(want, TestValues.get(inside, i, t), "chunk " + Arrays.toString(idx) + " element " + i);
            }
            // Python stores edge chunks full size too: the whole chunk decodes.
            assertEquals(h.chunkElements(), Array.getLength(a.readChunk(idx)));
        }
    }

    @Test
    void pythonReadsAnOmeNgffImageWrittenHere() throws IOException {
        ZarrArray level0 = OmeNgff.createImage(tmp.resolve("img.ome.zarr"), OmeNgff.timeYx("img", 2, "second", 0.5, 0.25, "micrometer"),
                ZarrHeader.of(new long[] {2, 3, 4}, new int[] {1, 3, 4}, ZarrDtype.U2).withCompressor(ZarrCompressor.zlib(1)).withDimensionSeparator("/"));
        level0.writeChunk(new long[] {1, 0, 0}, new short[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (short) 60000});
        String script = "import json, sys, zarr\n"
                + "g = zarr.open_group(sys.argv[1], mode='r')\n"
                + "m = g.attrs['multiscales'][0]\n"
                + "a = g[m['datasets'][0]['path']]\n"
                + "print(json.dumps({'axes': [x['name'] for x in m['axes']], 'scale': m['datasets'][0]['coordinateTransformations'][0]['scale'],\n"
                + "    'sum': int(a[1].sum()), 'first': int(a[0].sum())}))\n";
        Result r = run(List.of(python, "-c", script, tmp.resolve("img.ome.zarr").toString()));
        assertEquals(0, r.exit, r.output);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("axes", List.of("t", "y", "x"));
        expected.put("scale", List.of(2.0, 0.5, 0.25));
        expected.put("sum", 55 + 60000);
        expected.put("first", 0);
        assertEquals(expected, ZarrFiles.parse(r.lastLine()));
    }

    /** The chunks left unwritten in both directions: t chunk 1 (t = 2), y chunk 2 (y = 4). */
    private static boolean unwritten(long[] chunkIndex) {
        return chunkIndex[0] == 1 && chunkIndex[1] == 2;
    }

    private static boolean inUnwrittenChunk(long[] pos) {
        return unwritten(new long[] {pos[0] / CHUNKS[0], pos[1] / CHUNKS[1], pos[2] / CHUNKS[2]});
    }

    private static ZarrCompressor compressor(String codec) {
        switch (codec) {
            case "zlib": return ZarrCompressor.zlib(level(codec));
            case "gzip": return ZarrCompressor.gzip(level(codec));
            case "zstd": return ZarrCompressor.zstd(level(codec));
            default: return ZarrCompressor.NONE;
        }
    }

    private static int level(String codec) {
        return codec.equals("zlib") ? 3 : codec.equals("gzip") ? 5 : codec.equals("zstd") ? 2 : 0;
    }

    private record Result(int exit, String output) {
        String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    /** Runs a command with its output in a file (so that a hung process cannot block the read), for at most a minute. */
    private static Result run(List<String> command) throws IOException {
        Path out = Files.createTempFile("zarr-python", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            boolean ended = p.waitFor(60, TimeUnit.SECONDS);
            if (!ended) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            String text = Files.readString(out, StandardCharsets.UTF_8);
            return ended ? new Result(p.exitValue(), text) : new Result(-1, "timed out after 60 s: " + text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void theUnwrittenChunksAreTheOnesTheTestsMeanToLeaveOut() {
        // Guards the helpers above: 3 of the 2 x 3 x 3 chunks are left out, all at t = 2, y = 4.
        int n = 0;
        for (long t = 0; t < 2; t++) for (long y = 0; y < 3; y++) for (long x = 0; x < 3; x++) if (unwritten(new long[] {t, y, x})) n++;
        assertEquals(3, n);
        assertTrue(inUnwrittenChunk(new long[] {2, 4, 6}));
        assertFalse(inUnwrittenChunk(new long[] {2, 3, 6}));
    }
}
