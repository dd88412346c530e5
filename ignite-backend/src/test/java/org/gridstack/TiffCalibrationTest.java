package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridstack.array.Calibration;
import org.gridstack.base.GridStackException;
import org.gridstack.source.HandTiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration a TIFF's first page states, on the array it opens as: ImageJ's description with the resolution
 * tags, OME-XML (OME-TIFF), the resolution tags alone; multi-page files, folders and URL patterns (from slice 0).
 * Files are built byte by byte ({@link HandTiff}), so the expectation is what the test wrote. Pages that are more
 * than one axis (channels, or z slices and frames) are refused.
 */
class TiffCalibrationTest {
    private static final int W = 6, H = 4, CM = 3, NO_UNIT = 1;

    @TempDir
    Path dir;

    private static HandTiff pages(int n) {
        HandTiff tiff = new HandTiff(W, H, HandTiff.Sample.U16);
        for (int t = 0; t < n; t++) {
            double[] page = new double[W * H];
            for (int i = 0; i < page.length; i++) page[i] = t * 100 + i;
            tiff.page(page);
        }
        return tiff;
    }

    private Calibration opened(String name, HandTiff tiff) throws IOException {
        Path file = tiff.write(dir.resolve(name + ".tif"));
        return TestGrid.grid().open(name, file.toString(), 0, -1, 0).calibration();
    }

    private static void assertCalibration(Calibration expected, Calibration actual) {
        String both = "expected " + expected + ", was " + actual;
        assertEquals(expected.pixelHeight(), actual.pixelHeight(), expected.pixelHeight() * 1e-12, both);
        assertEquals(expected.pixelWidth(), actual.pixelWidth(), expected.pixelWidth() * 1e-12, both);
        assertEquals(expected.frameInterval(), actual.frameInterval(), expected.frameInterval() * 1e-12, both);
        assertEquals(expected.spaceUnit(), actual.spaceUnit(), both);
        assertEquals(expected.timeUnit(), actual.timeUnit(), both);
    }

    @Test
    void imageJDescriptionWithResolutionTags() throws IOException {
        HandTiff tiff = pages(4).resolution(250, 1, 200, 1, NO_UNIT)
                .description("ImageJ=1.54f\nimages=4\nframes=4\nunit=micron\nfinterval=0.5\nloop=false\n");
        assertCalibration(new Calibration(0.005, 0.004, "\u00b5m", 0.5, "s"), opened("cal-ij", tiff));
        HandTiff minutes = pages(3).bigTiff().resolution(1, 2, 1, 2, NO_UNIT)
                .description("ImageJ=1.54f\nimages=3\nframes=3\nunit=nm\nfinterval=2\ntunit=min\n");
        assertCalibration(new Calibration(2, 2, "nm", 2, "min"), opened("cal-ij-big", minutes));
    }

    @Test
    void aZStackFromImageJHasItsPixelSizeAndNoFrameInterval() throws IOException {
        HandTiff tiff = pages(3).resolution(10, 1, 10, 1, NO_UNIT).description("ImageJ=1.54f\nimages=3\nslices=3\nunit=um\nspacing=0.3\n");
        assertCalibration(new Calibration(0.1, 0.1, "\u00b5m", 1, null), opened("cal-ij-z", tiff));
    }

    @Test
    void resolutionTagsAloneInCentimetresBecomeMicrometres() throws IOException {
        assertCalibration(new Calibration(0.5, 0.25, "\u00b5m", 1, null), opened("cal-cm", pages(2).resolution(40000, 1, 20000, 1, CM)));
        assertEquals(Calibration.NONE, opened("cal-none-unit", pages(2).resolution(72, 1, 72, 1, NO_UNIT)), "ResolutionUnit none");
        assertEquals(Calibration.NONE, opened("cal-plain", pages(2)), "no tags");
    }

    @Test
    void omeXmlTimeSeries() throws IOException {
        String ome = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\"><Image ID=\"Image:0\">"
                + "<Pixels ID=\"Pixels:0\" DimensionOrder=\"XYZCT\" Type=\"uint16\" SizeX=\"6\" SizeY=\"4\" SizeZ=\"1\" SizeC=\"1\" SizeT=\"4\""
                + " PhysicalSizeX=\"0.8\" PhysicalSizeXUnit=\"nm\" PhysicalSizeY=\"0.9\" PhysicalSizeYUnit=\"nm\" TimeIncrement=\"2.5\""
                + " TimeIncrementUnit=\"ms\"><TiffData/></Pixels></Image></OME>";
        assertCalibration(new Calibration(0.9, 0.8, "nm", 2.5, "ms"), opened("cal-ome", pages(4).bigTiff().description(ome)));
        String zStack = ome.replace("SizeZ=\"1\"", "SizeZ=\"4\"").replace("SizeT=\"4\"", "SizeT=\"1\"")
                .replace(" PhysicalSizeXUnit=\"nm\"", "").replace(" PhysicalSizeYUnit=\"nm\"", "");
        assertCalibration(new Calibration(0.9, 0.8, "\u00b5m", 1, null), opened("cal-ome-z", pages(4).description(zStack)));
    }

    @Test
    void aFolderTakesTheCalibrationOfItsFirstSlice() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("slices"));
        for (int t = 0; t < 3; t++) {
            HandTiff slice = new HandTiff(W, H, HandTiff.Sample.U8).page(new double[W * H]).resolution(1, 3, 1, 3, NO_UNIT)
                    .description("ImageJ=1.54f\nunit=nm\n");
            slice.write(folder.resolve(String.format("s_%02d.tif", t)));
        }
        assertCalibration(new Calibration(3, 3, "nm", 1, null), TestGrid.grid().open("cal-folder", folder.toString(), 0, -1, 0).calibration());
        Calibration pattern = TestGrid.grid().open("cal-pattern", folder.resolve("s_%02d.tif").toString(), 1, 2, 0).calibration();
        assertCalibration(new Calibration(3, 3, "nm", 1, null), pattern);
    }

    @Test
    void slicesOverHttpTakeTheCalibrationOfTheFirst() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("served"));
        for (int t = 0; t < 2; t++) {
            pages(1).resolution(2, 1, 2, 1, NO_UNIT).description("ImageJ=1.54f\nunit=micron\n").write(folder.resolve("u_" + t + ".tif"));
        }
        try (TestHttpServer http = new TestHttpServer(folder)) {
            Calibration c = TestGrid.grid().open("cal-http", http.base() + "u_%d.tif", 0, 1, 0).calibration();
            assertCalibration(new Calibration(0.5, 0.5, "\u00b5m", 1, null), c);
        }
    }

    @Test
    void pagesThatAreMoreThanOneAxisAreRefused() throws IOException {
        Path ij = pages(4).description("ImageJ=1.54f\nimages=4\nchannels=2\nframes=2\nhyperstack=true\n").write(dir.resolve("hyper.tif"));
        GridStackException e = assertThrows(GridStackException.class, () -> TestGrid.grid().open("cal-hyper", ij.toString(), 0, -1, 0));
        assertEquals(ij + " is a hyperstack of 2 channels x 1 z slices x 2 time frames; Grid Stack opens one channel whose pages "
                + "are one axis (time frames, or z slices)", e.getMessage());
        String ome = "<OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\"><Image ID=\"Image:0\"><Pixels ID=\"Pixels:0\""
                + " DimensionOrder=\"XYZCT\" Type=\"uint16\" SizeX=\"6\" SizeY=\"4\" SizeZ=\"2\" SizeC=\"1\" SizeT=\"2\"/></Image></OME>";
        Path zt = pages(4).description(ome).write(dir.resolve("zt.ome.tif"));
        e = assertThrows(GridStackException.class, () -> TestGrid.grid().open("cal-zt", zt.toString(), 0, -1, 0));
        assertTrue(e.getMessage().contains("hyperstack of 1 channels x 2 z slices x 2 time frames"), e.getMessage());
    }
}
