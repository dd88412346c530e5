package org.gridstack.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The formats big EM data lives in, as a macro user meets them in the headless launcher: an HDF5 dataset (written by
 * h5py) and an OME BigTIFF time series (written by tifffile) open with their calibration, frames on T and pixels, and
 * a result saves to OME-Zarr and opens again with the same calibration.
 */
class FormatsHeadlessIT {
    @TempDir
    Path dir;

    @Test
    void hdf5AndOmeBigTiffOpenCalibratedAndSaveToZarr() throws Exception {
        String python = String.join("\n",
                "import h5py, tifffile, numpy as np, sys",
                "d = sys.argv[1]",
                "a = (np.arange(6 * 8 * 10) * 7 % 251).astype('u1').reshape(6, 8, 10)",
                "with h5py.File(d + '/em.h5', 'w') as f:",
                "    f.create_dataset('volumes/raw', data=a, chunks=(2, 8, 10), compression='gzip').attrs['element_size_um'] = [1.0, 0.5, 0.25]",
                "tifffile.imwrite(d + '/t.ome.tif', a, ome=True, bigtiff=True, metadata={'axes': 'TYX', 'PhysicalSizeX': 4.0,",
                "    'PhysicalSizeXUnit': 'nm', 'PhysicalSizeY': 4.0, 'PhysicalSizeYUnit': 'nm', 'TimeIncrement': 2.0, 'TimeIncrementUnit': 's'})", "");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", python, dir.toString()).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assumeTrue(p.exitValue() == 0, "h5py or tifffile missing here (.ci/run installs them): " + printed);

        String describe = "getPixelSize(unit, pw, ph); Stack.getDimensions(w, h, c, z, f); Stack.getUnits(x, y, zu, tu, v);"
                + " print(\"%s \" + w + \"x\" + h + \" c\" + c + \" z\" + z + \" t\" + f + \" \" + unit + \" \" + pw + \" \" + ph"
                + " + \" \" + Stack.getFrameInterval() + \" \" + tu + \" pixel=\" + getPixel(3, 5));";
        Path macro = Files.writeString(dir.resolve("formats.ijm"), String.join("\n",
                "run(\"Open Grid Stack...\", \"source=[" + dir.resolve("em.h5") + ":/volumes/raw] name=h5 show\");",
                "Stack.setFrame(4);", String.format(describe, "h5"),
                "run(\"Open Grid Stack...\", \"source=[" + dir.resolve("t.ome.tif") + "] name=ome show\");",
                "Stack.setFrame(4);", String.format(describe, "ome"),
                "run(\"Save Grid Stack...\", \"name=ome path=[" + dir.resolve("ome.zarr") + "] format=Zarr\");",
                "run(\"Open Grid Stack...\", \"source=[" + dir.resolve("ome.zarr") + "] name=back show\");",
                "Stack.setFrame(4);", String.format(describe, "zarr"), ""));
        HeadlessLauncherIT.Run run = HeadlessLauncherIT.launcher("--headless", "-macro", macro.toString());
        assertEquals(0, run.exit, run.output);
        int pixel = (3 * 8 * 10 + 5 * 10 + 3) * 7 % 251; // frame 4 (index 3), row 5, column 3
        assertTrue(run.output.contains("h5 10x8 c1 z1 t6 \u00b5m 0.25 0.5"), run.output);
        assertTrue(run.output.contains("h5 ") && run.output.contains("pixel=" + pixel), run.output);
        assertTrue(run.output.contains("ome 10x8 c1 z1 t6 nm 4 4 2 s pixel=" + pixel), run.output);
        assertTrue(run.output.contains("zarr 10x8 c1 z1 t6 nm 4 4 2 s pixel=" + pixel), run.output);
    }
}
