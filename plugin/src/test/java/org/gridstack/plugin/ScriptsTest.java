package org.gridstack.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.Opener;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridstack.sample.SyntheticStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.module.ModuleService;
import org.scijava.script.ScriptModule;
import org.scijava.script.ScriptService;

/** The Groovy and Jython scripts in scripts/ run through SciJava's ScriptService with their #@ parameters. */
class ScriptsTest {
    private static final int T = 17, H = 24, W = 31;
    private static Context context;
    private static SyntheticStack stack;
    private static String pattern;

    @BeforeAll
    static void setUp(@TempDir Path data) throws Exception {
        context = new Context(ScriptService.class, ModuleService.class, GridService.class);
        stack = new SyntheticStack(T, H, W, 11);
        pattern = stack.writeTiffs(data);
    }

    @AfterAll
    static void tearDown() {
        context.dispose();
    }

    @ParameterizedTest
    @ValueSource(strings = {"project_stack.groovy", "project_stack.py"})
    void scriptWritesTheExactMeanAndSliceMeans(String script, @TempDir Path out) throws Exception {
        File file = new File("../scripts/" + script);
        assertTrue(file.isFile(), file + " exists");
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("source", pattern);
        inputs.put("output", out.toFile());
        inputs.put("name", "script-" + script.replace('.', '-'));
        ScriptModule module = context.service(ScriptService.class).run(file, true, inputs).get();
        assertTrue(String.valueOf(module.getOutput("summary")).contains("mean_time.tif"));

        ImagePlus mean = new Opener().openImage(out.resolve("mean_time.tif").toString());
        assertEquals(32, mean.getBitDepth());
        for (int i = 0; i < H * W; i++) {
            long sum = 0;
            for (int t = 0; t < T; t++) sum += stack.frame(t)[i] & 0xff;
            assertEquals((float) ((double) sum / T), mean.getProcessor().getf(i), 0f, "mean at " + i);
        }
        List<String> lines = Files.readAllLines(out.resolve("brightness.csv"));
        assertEquals("slice,mean", lines.get(0));
        assertEquals(T + 1, lines.size());
        for (int t = 0; t < T; t++) {
            long sum = 0;
            for (byte b : stack.frame(t)) sum += b & 0xff;
            assertEquals(t + "," + Double.toString((double) sum / (H * W)), lines.get(t + 1));
        }
    }
}
