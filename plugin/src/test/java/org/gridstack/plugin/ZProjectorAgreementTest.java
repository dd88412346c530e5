package org.gridstack.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.ImagePlus;
import ij.ImageStack;
import ij.plugin.ZProjector;
import ij.process.ImageProcessor;
import java.nio.file.Path;
import org.gridstack.GridStack;
import org.gridstack.sample.SyntheticStack;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grid projections against ImageJ's own ZProjector on the same 8-bit stack (T not a multiple of the chunk depth). */
class ZProjectorAgreementTest {
    private static final int T = 23, H = 40, W = 57;
    private static SyntheticStack stack;
    private static ImagePlus imagej;
    private static GridStack grid;

    @BeforeAll
    static void open(@TempDir Path dir) throws Exception {
        stack = new SyntheticStack(T, H, W, 7);
        String pattern = stack.writeTiffs(dir);
        ImageStack frames = new ImageStack(W, H);
        for (int t = 0; t < T; t++) frames.addSlice(new ij.process.ByteProcessor(W, H, stack.frame(t)));
        imagej = new ImagePlus("em", frames);
        grid = GridStack.embedded();
        grid.open("zproj", pattern, 0, -1, 5);
    }

    private static float[] imagej(String method) {
        return imagej(imagej, method);
    }

    private static float[] imagej(ImagePlus source, String method) {
        ImageProcessor ip = ZProjector.run(source, method).getProcessor();
        float[] out = new float[W * H];
        for (int i = 0; i < out.length; i++) out[i] = ip.getf(i);
        return out;
    }

    private static double[] grid(Projection p) {
        return grid.project("zproj", p, Progress.NONE);
    }

    @Test
    void maxMinAndSumEqualZProjector() {
        for (Projection p : new Projection[] {Projection.MAX, Projection.MIN, Projection.SUM}) {
            float[] expected = imagej(p.name().toLowerCase());
            double[] actual = grid(p);
            for (int i = 0; i < expected.length; i++) assertEquals(expected[i], (float) actual[i], 0f, p + " at " + i);
        }
    }

    @Test
    void averageIsTheExactDoubleMeanAndAgreesWithZProjectorToFloatRounding() {
        double[] actual = grid(Projection.AVERAGE);
        // ImageJ 1.54p averages 8-bit stacks into an 8-bit image; its 32-bit average comes from a 32-bit stack.
        ImageStack floats = new ImageStack(W, H);
        for (int t = 1; t <= T; t++) floats.addSlice(imagej.getStack().getProcessor(t).convertToFloat());
        float[] imagejAvg = imagej(new ImagePlus("em32", floats), "avg");
        for (int i = 0; i < actual.length; i++) {
            long sum = 0;
            for (int t = 0; t < T; t++) sum += stack.frame(t)[i] & 0xff;
            assertEquals((double) sum / (double) T, actual[i], 0.0, "exact mean at " + i);
            assertEquals(imagejAvg[i], (float) actual[i], Math.ulp(imagejAvg[i]) * 4, "ZProjector AVG at " + i);
        }
    }

    @Test
    void standardDeviationAgreesWithZProjectorToFloatRounding() {
        float[] expected = imagej("sd");
        double[] actual = grid(Projection.SD);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], (float) actual[i], Math.max(1e-6f, Math.ulp(expected[i]) * 4), "SD at " + i);
        }
    }
}
