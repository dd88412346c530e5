package org.gridstack.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gridstack.base.GridStackException;
import org.gridstack.zarr.OmeNgff.Axis;
import org.gridstack.zarr.OmeNgff.Dataset;
import org.gridstack.zarr.OmeNgff.Multiscale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OME-NGFF 0.4 "multiscales" for a t, y, x time series: written as the specification spells it, read back, checked. */
class OmeNgffTest {
    @TempDir
    Path tmp;

    @Test
    void aTimeSeriesImageIsWrittenAndReadBack() throws IOException {
        Multiscale m = OmeNgff.timeYx("movie", 0.5, "second", 0.1625, 0.125, "micrometer");
        ZarrHeader h = ZarrHeader.of(new long[] {10, 64, 48}, new int[] {1, 64, 48}, ZarrDtype.U2).withDimensionSeparator("/");
        ZarrArray level0 = OmeNgff.createImage(tmp.resolve("movie.ome.zarr"), m, h);
        assertEquals(tmp.resolve("movie.ome.zarr/0"), level0.path());
        assertTrue(Files.isRegularFile(tmp.resolve("movie.ome.zarr/.zgroup")));

        ZarrGroup g = ZarrGroup.open(tmp.resolve("movie.ome.zarr"));
        Multiscale back = OmeNgff.read(g);
        assertEquals(m, back);
        assertEquals(List.of(new Axis("t", "time", "second"), new Axis("y", "space", "micrometer"), new Axis("x", "space", "micrometer")), back.axes());
        assertArrayEquals(new double[] {0.5, 0.1625, 0.125}, back.datasets().get(0).scale());
        assertEquals(h, g.openArray(back.datasets().get(0).path()).header());

        // The attribute as the specification spells it.
        Map<String, Object> expected = Map.of("multiscales", List.of(Map.of(
                "version", "0.4",
                "name", "movie",
                "axes", List.of(Map.of("name", "t", "type", "time", "unit", "second"),
                        Map.of("name", "y", "type", "space", "unit", "micrometer"),
                        Map.of("name", "x", "type", "space", "unit", "micrometer")),
                "datasets", List.of(Map.of("path", "0", "coordinateTransformations", List.of(Map.of("type", "scale", "scale", List.of(0.5, 0.1625, 0.125))))))));
        assertEquals(expected, ZarrFiles.parse(Files.readString(tmp.resolve("movie.ome.zarr/.zattrs"))));
    }

    @Test
    void writingKeepsOtherAttributesAndOmitsAbsentUnits() {
        ZarrGroup g = ZarrGroup.create(tmp.resolve("img"));
        g.writeAttributes(Map.of("omero", Map.of("name", "x")));
        OmeNgff.write(g, OmeNgff.timeYx(null, 1, null, 1, 1, null));
        Map<String, Object> attrs = g.attributes();
        assertEquals(Map.of("name", "x"), attrs.get("omero"));
        Multiscale back = OmeNgff.read(g);
        assertNull(back.name());
        assertNull(back.axes().get(1).unit());
        assertTrue(!attrs.toString().contains("unit"), attrs.toString());
    }

    @Test
    void readingFoldsTheMultiscaleTransformationsIntoEachLevel() throws IOException {
        // The specification's own example (t, c, z, y, x; three levels; a time scale for all levels), shortened.
        String json = "{\"multiscales\": [{\"version\": \"0.4\", \"name\": \"example\", \"axes\": ["
                + "{\"name\": \"t\", \"type\": \"time\", \"unit\": \"millisecond\"}, {\"name\": \"c\", \"type\": \"channel\"},"
                + "{\"name\": \"z\", \"type\": \"space\", \"unit\": \"micrometer\"}, {\"name\": \"y\", \"type\": \"space\", \"unit\": \"micrometer\"},"
                + "{\"name\": \"x\", \"type\": \"space\", \"unit\": \"micrometer\"}],"
                + "\"datasets\": [{\"path\": \"0\", \"coordinateTransformations\": [{\"type\": \"scale\", \"scale\": [1.0, 1.0, 0.5, 0.5, 0.5]}]},"
                + "{\"path\": \"1\", \"coordinateTransformations\": [{\"type\": \"scale\", \"scale\": [1.0, 1.0, 1.0, 1.0, 1.0]},"
                + " {\"type\": \"translation\", \"translation\": [0, 0, 0.25, 0.25, 0.25]}]}],"
                + "\"coordinateTransformations\": [{\"type\": \"scale\", \"scale\": [0.1, 1.0, 1.0, 1.0, 1.0]}],"
                + "\"type\": \"gaussian\", \"metadata\": {\"method\": \"skimage.transform.pyramid_gaussian\"}}]}";
        ZarrGroup g = ZarrGroup.create(tmp.resolve("example"));
        Files.writeString(g.path().resolve(".zattrs"), json);
        Multiscale m = OmeNgff.read(g);
        assertEquals("example", m.name());
        assertEquals(5, m.axes().size());
        assertEquals(new Axis("c", "channel", null), m.axes().get(1));
        assertEquals(new Dataset("0", new double[] {0.1, 1, 0.5, 0.5, 0.5}, null), m.datasets().get(0));
        assertEquals(new Dataset("1", new double[] {0.1, 1, 1, 1, 1}, new double[] {0, 0, 0.25, 0.25, 0.25}), m.datasets().get(1));
    }

    @Test
    void invalidMetadataIsRefusedWhenWritten() {
        ZarrGroup g = ZarrGroup.create(tmp.resolve("bad"));
        Dataset d3 = new Dataset("0", new double[] {1, 1, 1}, null);
        assertRefused(g, new Multiscale("m", List.of(Axis.space("y", null), Axis.time("t", null), Axis.space("x", null)), List.of(d3)), "follows a space axis");
        assertRefused(g, new Multiscale("m", List.of(Axis.time("t", null), Axis.space("y", null), Axis.space("y", null)), List.of(d3)), "axis name \"y\" appears twice");
        assertRefused(g, new Multiscale("m", List.of(Axis.time("t", null), Axis.time("u", null), Axis.space("x", null)), List.of(d3)), "time axis must be the first, and only one");
        assertRefused(g, new Multiscale("m", List.of(Axis.time("t", null), Axis.space("x", null)), List.of(new Dataset("0", new double[] {1, 1}, null))), "has 1 space axes");
        assertRefused(g, OmeNgff.timeYx("m", 1, "second", 1, 1, "µm"), "space unit \"µm\" of axis y is not one of");
        assertRefused(g, OmeNgff.timeYx("m", 1, "frames", 1, 1, "micrometer"), "time unit \"frames\"");
        assertRefused(g, new Multiscale("m", List.of(Axis.time("t", null), Axis.space("y", null), Axis.space("x", null)), List.of(new Dataset("0", new double[] {1, 1}, null))), "has 2 scale factors for 3 axes");
        assertRefused(g, new Multiscale("m", List.of(Axis.space("y", null), Axis.space("x", null)), List.of()), "has no datasets");
        GridStackException e = assertThrows(GridStackException.class, () -> OmeNgff.createImage(tmp.resolve("rank"), OmeNgff.timeYx("m", 1, null, 1, 1, null),
                ZarrHeader.of(new long[] {4, 4}, new int[] {4, 4}, ZarrDtype.U1)));
        assertTrue(e.getMessage().contains("has 2 dimensions but its metadata 3 axes"), e.getMessage());
    }

    @Test
    void readingRefusesWhatIsNotOmeNgff04() throws IOException {
        ZarrGroup g = ZarrGroup.create(tmp.resolve("plain"));
        GridStackException e = assertThrows(GridStackException.class, () -> OmeNgff.read(g));
        assertTrue(e.getMessage().contains("has no \"multiscales\"") && e.getMessage().contains("is not an OME-NGFF image"), e.getMessage());
        Files.writeString(g.path().resolve(".zattrs"), "{\"multiscales\": [{\"version\": \"0.3\", \"axes\": [\"t\", \"y\", \"x\"], \"datasets\": [{\"path\": \"0\"}]}]}");
        e = assertThrows(GridStackException.class, () -> OmeNgff.read(g));
        assertTrue(e.getMessage().contains("OME-NGFF version 0.3 is not supported (only 0.4)"), e.getMessage());
        Files.writeString(g.path().resolve(".zattrs"), "{\"multiscales\": [{\"axes\": [{\"name\": \"y\"}, {\"name\": \"x\"}], \"datasets\": [{\"path\": \"0\"}]}]}");
        e = assertThrows(GridStackException.class, () -> OmeNgff.read(g));
        assertTrue(e.getMessage().contains("dataset \"0\" has no scale transformation"), e.getMessage());
    }

    @Test
    void imagejUnitsMapToOmeNgffUnits() {
        assertEquals("micrometer", OmeNgff.unit("µm"));
        assertEquals("micrometer", OmeNgff.unit("\u03bcm"));
        assertEquals("micrometer", OmeNgff.unit("micron"));
        assertEquals("micrometer", OmeNgff.unit("um"));
        assertEquals("nanometer", OmeNgff.unit("nm"));
        assertEquals("second", OmeNgff.unit("sec"));
        assertEquals("millisecond", OmeNgff.unit("ms"));
        assertEquals("minute", OmeNgff.unit("min"));
        assertEquals("angstrom", OmeNgff.unit("Å"));
        assertEquals("micrometer", OmeNgff.unit("micrometer"));
        assertNull(OmeNgff.unit("pixel"));
        assertNull(OmeNgff.unit(""));
        assertNull(OmeNgff.unit(null));
    }

    private static void assertRefused(ZarrGroup g, Multiscale m, String message) {
        GridStackException e = assertThrows(GridStackException.class, () -> OmeNgff.write(g, m));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
