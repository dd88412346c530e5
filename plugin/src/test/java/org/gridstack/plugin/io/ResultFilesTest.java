package org.gridstack.plugin.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.ImagePlus;
import ij.io.Opener;
import ij.plugin.PNG_Writer;
import ij.process.ByteProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.gridstack.base.GridStackException;
import org.gridstack.plugin.ij1.Plots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Result files are written whole or not at all, and a failed write names the file and the operating system's reason. */
class ResultFilesTest {
    private static final Path FULL = Paths.get("/dev/full"); // Linux: every write fails with ENOSPC

    @TempDir
    Path dir;

    private static final double[] MEANS = {1.5, 2.25, 0.1};

    @Test
    void filesReadBackAsWritten() throws Exception {
        Path csv = dir.resolve("means.csv");
        ResultFiles.writeSliceMeans(MEANS, csv.toString());
        assertEquals(List.of("slice,mean", "0,1.5", "1,2.25", "2,0.1"), Files.readAllLines(csv));

        Path tif = dir.resolve("mean.tif");
        ResultFiles.saveFloatTiff(new double[] {0.5, 1, 2, 3, 4, 5}, 3, 2, "AVG_x", tif.toString());
        ImagePlus back = new Opener().openImage(tif.toString());
        assertEquals(32, back.getBitDepth());
        assertArrayEquals(new float[] {0.5f, 1, 2, 3, 4, 5}, (float[]) back.getProcessor().getPixels());
    }

    @Test
    void pngsAreTheBytesImageJsPngWriterWrites() throws Exception {
        ImagePlus plot = Plots.brightness("x", MEANS);
        ImagePlus grey = new ImagePlus("grey", new ByteProcessor(7, 5, new byte[35]));
        for (ImagePlus imp : new ImagePlus[] {plot, plot.flatten(), grey}) {
            Path ours = dir.resolve("ours.png"), imagej = dir.resolve("imagej.png");
            ResultFiles.savePng(imp, ours.toString());
            new PNG_Writer().writeImage(imp, imagej.toString(), -1);
            assertArrayEquals(Files.readAllBytes(imagej), Files.readAllBytes(ours), imp.getTitle() + " type " + imp.getType());
        }
    }

    @Test
    void aFullDiskFailsNamingTheFileAndNoSpaceLeft() {
        assumeTrue(Files.exists(FULL), "/dev/full exists (Linux)");
        String full = FULL.toString();
        assertCause("No space left on device", full, () -> ResultFiles.writeSliceMeans(MEANS, full));
        assertCause("No space left on device", full, () -> ResultFiles.writeTimings(new String[] {"a"}, new double[] {1}, new double[] {1}, full));
        assertCause("No space left on device", full, () -> ResultFiles.saveFloatTiff(new double[4], 2, 2, "t", full));
        assertCause("No space left on device", full, () -> ResultFiles.savePng(Plots.brightness("x", MEANS), full));
        assertTrue(Files.exists(FULL) && !Files.isRegularFile(FULL), "/dev/full is left alone (ImageIO would delete it first)");
    }

    @Test
    void anUnwritableFolderFailsWithTheOperatingSystemsReason() throws IOException {
        Path folder = UnwritableFolder.in(dir);
        String reason = UnwritableFolder.openError(folder.resolve("probe.csv"));
        assertFalse(reason.contains("No such file"), reason);
        String csv = folder.resolve("means.csv").toString();
        assertCause(reason, csv, () -> ResultFiles.writeSliceMeans(MEANS, csv));
        String png = folder.resolve("plot.png").toString();
        assertCause(reason, png, () -> ResultFiles.savePng(Plots.brightness("x", MEANS), png));
        String tif = folder.resolve("mean.tif").toString();
        assertCause(reason, tif, () -> ResultFiles.saveFloatTiff(new double[4], 2, 2, "t", tif));
    }

    @Test
    void aMissingFolderIsNamed() {
        String csv = dir.resolve("nowhere/means.csv").toString();
        GridStackException e = assertThrows(GridStackException.class, () -> ResultFiles.writeSliceMeans(MEANS, csv));
        assertEquals("cannot write " + csv + ": folder " + dir.resolve("nowhere") + " does not exist", e.getMessage());
    }

    private static void assertCause(String cause, String path, Executable write) {
        GridStackException e = assertThrows(GridStackException.class, write);
        assertEquals("cannot write " + path + ": " + cause, e.getMessage());
    }
}
