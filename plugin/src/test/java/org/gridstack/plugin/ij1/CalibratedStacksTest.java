package org.gridstack.plugin.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.Macro;
import ij.WindowManager;
import ij.io.FileSaver;
import ij.macro.Interpreter;
import ij.process.ShortProcessor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.Calibration;
import org.gridstack.array.DataType;
import org.gridstack.plugin.GridService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TIFFs saved by ImageJ's own FileSaver with a calibration open in Grid Stack with that calibration, and the stack
 * window shows it, with the frames on the T axis; a stack Grid Stack saves as TIFF is read back by ImageJ the same way.
 * An HDF5 dataset written by h5py opens from the menu command as a macro runs it, with its element_size_um.
 */
class CalibratedStacksTest {
    private static final int T = 4, H = 5, W = 7;
    private static boolean batchMode;

    @TempDir
    Path dir;

    @BeforeAll
    static void offScreen() {
        batchMode = Interpreter.batchMode;
        Interpreter.batchMode = true;
    }

    @AfterAll
    static void restore() {
        Interpreter.batchMode = batchMode;
    }

    private static short[] frame(int t) {
        short[] pixels = new short[W * H];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (short) (t * 1000 + i * 13);
        return pixels;
    }

    /** A 16-bit time series of T frames, 0.004 x 0.005 µm pixels, 0.5 s apart, as a user calibrates it in ImageJ. */
    private static ImagePlus timeSeries() {
        ImageStack stack = new ImageStack(W, H);
        for (int t = 0; t < T; t++) stack.addSlice(new ShortProcessor(W, H, frame(t), null));
        ImagePlus imp = new ImagePlus("series", stack);
        imp.setDimensions(1, 1, T);
        ij.measure.Calibration cal = imp.getCalibration();
        cal.pixelWidth = 0.004;
        cal.pixelHeight = 0.005;
        cal.setUnit("micron");
        cal.frameInterval = 0.5;
        return imp;
    }

    private static void assertCalibration(Calibration expected, Calibration actual) {
        String both = "expected " + expected + ", was " + actual;
        assertEquals(expected.pixelHeight(), actual.pixelHeight(), 1e-9, both);
        assertEquals(expected.pixelWidth(), actual.pixelWidth(), 1e-9, both);
        assertEquals(expected.frameInterval(), actual.frameInterval(), 1e-12, both);
        assertEquals(expected.spaceUnit(), actual.spaceUnit(), both);
        assertEquals(expected.timeUnit(), actual.timeUnit(), both);
    }

    @Test
    void anImageJTimeSeriesOpensCalibratedWithItsFramesOnT() {
        Path file = dir.resolve("series.tif");
        assertTrue(new FileSaver(timeSeries()).saveAsTiffStack(file.toString()));
        GridStack grid = GridStack.embedded();
        ArrayMeta meta = grid.open("ij-series", file.toString(), 0, -1, 0);
        assertCalibration(new Calibration(0.005, 0.004, "\u00b5m", 0.5, "s"), meta.calibration());

        ImagePlus shown = GridDisplay.showStack(grid, meta);
        assertEquals(1, shown.getNChannels());
        assertEquals(1, shown.getNSlices(), "no Z");
        assertEquals(T, shown.getNFrames(), "the frames are T");
        ij.measure.Calibration cal = shown.getCalibration();
        assertEquals(0.004, cal.pixelWidth, 1e-9);
        assertEquals(0.005, cal.pixelHeight, 1e-9);
        assertEquals("\u00b5m", cal.getUnit());
        assertEquals(0.5, cal.frameInterval, 1e-12);
        assertEquals("s", cal.getTimeUnit());
        assertArrayEquals(frame(2), (short[]) shown.getStack().getProcessor(3).getPixels());
    }

    @Test
    void plotsLabelTimeAndFrequencyInTheStacksUnits() {
        Path file = dir.resolve("plotted.tif");
        assertTrue(new FileSaver(timeSeries()).saveAsTiffStack(file.toString()));
        GridStack grid = GridStack.embedded();
        grid.overwriting().open("plotted", file.toString(), 0, -1, 0);
        ij.gui.Plot brightness = plotOf(Plots.brightness("plotted", grid.sliceMeans("plotted"), grid.array("plotted").calibration()));
        assertEquals("time (s)", brightness.getLabel('x'));
        assertArrayEquals(new float[] {0, 0.5f, 1, 1.5f}, brightness.getXValues(), 0);

        grid.overwriting().fftPower("plotted", "plotted_power", 1);
        ij.gui.Plot spectrum = plotOf(Plots.spectrum(grid, "plotted_power", 2, 3));
        assertEquals("frequency (1/s)", spectrum.getLabel('x'));
        // T = 4 frames 0.5 s apart: bins of 1 / (4 * 0.5 s) = 0.5 Hz
        assertArrayEquals(new float[] {0, 0.5f, 1, 1.5f}, spectrum.getXValues(), 1e-6f);
    }

    private static ij.gui.Plot plotOf(ImagePlus image) {
        return (ij.gui.Plot) image.getProperty(ij.gui.Plot.PROPERTY_KEY);
    }

    @Test
    void aFolderOfImageJSlicesTakesSliceZerosPixelSize() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("slices"));
        for (int t = 0; t < T; t++) {
            ImagePlus slice = new ImagePlus("s", new ShortProcessor(W, H, frame(t), null));
            slice.getCalibration().pixelWidth = 2.5;
            slice.getCalibration().pixelHeight = 2.5;
            slice.getCalibration().setUnit("nm");
            assertTrue(new FileSaver(slice).saveAsTiff(folder.resolve(String.format("s_%03d.tif", t)).toString()));
        }
        ArrayMeta meta = GridStack.embedded().open("ij-slices", folder.toString(), 0, -1, 0);
        assertCalibration(new Calibration(2.5, 2.5, "nm", 1, null), meta.calibration());
    }

    @Test
    void aStackSavedAsTiffIsReadByImageJWithItsCalibrationAndFrames() {
        Path file = dir.resolve("series.tif");
        assertTrue(new FileSaver(timeSeries()).saveAsTiffStack(file.toString()));
        GridStack grid = GridStack.embedded();
        grid.open("ij-resave", file.toString(), 0, -1, 0);
        Path saved = dir.resolve("resaved.tif");
        TiffStackWriter.write(grid, "ij-resave", saved.toString());
        ImagePlus read = IJ.openImage(saved.toString());
        assertEquals(T, read.getNFrames());
        assertEquals(1, read.getNSlices());
        assertEquals(0.004, read.getCalibration().pixelWidth, 1e-9);
        assertEquals(0.005, read.getCalibration().pixelHeight, 1e-9);
        assertEquals("\u00b5m", read.getCalibration().getUnit());
        assertEquals(0.5, read.getCalibration().frameInterval, 1e-12);
        assertArrayEquals(frame(3), (short[]) read.getStack().getProcessor(4).getPixels());
    }

    @Test
    void anHdf5DatasetOpensFromTheMenuCommandWithItsPixelSize() throws Exception {
        Path file = dir.resolve("em.h5");
        String python = "import h5py, numpy as np, sys\n"
                + "with h5py.File(sys.argv[1], 'w') as f:\n"
                + "    d = f.create_dataset('em/raw', data=(np.arange(4 * 5 * 7) % 251).astype('u1').reshape(4, 5, 7), chunks=(2, 5, 7))\n"
                + "    d.attrs['element_size_um'] = [1.0, 0.25, 0.125]\n";
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", python, file.toString()).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assumeTrue(p.exitValue() == 0, "python3-h5py not available here: " + printed);

        GridService service = SciJavaContexts.get().service(GridService.class);
        service.setLastFailure(null);
        Thread thread = Thread.currentThread();
        String name = thread.getName();
        thread.setName("Run$_" + name); // ImageJ hands macro options only to threads so named
        Macro.setOptions("source=[" + file + ":/em/raw] name=h5_menu show");
        try {
            new GridCommandPlugIn().run("OpenGridStack");
        } finally {
            Macro.setOptions(null);
            thread.setName(name);
        }
        assertNull(service.lastFailure());
        ArrayMeta meta = service.grid().array("h5_menu");
        assertEquals(DataType.UINT8, meta.type());
        assertCalibration(new Calibration(0.25, 0.125, "\u00b5m", 1, null), meta.calibration());
        ImagePlus shown = WindowManager.getCurrentImage();
        assertEquals("h5_menu", shown.getTitle());
        assertEquals(4, shown.getNFrames());
        assertEquals(0.125, shown.getCalibration().pixelWidth, 1e-12);
        byte[] third = (byte[]) shown.getStack().getProcessor(3).getPixels();
        for (int i = 0; i < third.length; i++) assertEquals((2 * 5 * 7 + i) % 251, third[i] & 0xff, "pixel " + i);
    }
}
