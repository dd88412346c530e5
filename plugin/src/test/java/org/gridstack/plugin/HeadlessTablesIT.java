package org.gridstack.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridstack.sample.SyntheticStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headless, a macro reads the tables Grid Stack commands make, as it reads ImageJ's own measurements. */
class HeadlessTablesIT {
    @TempDir
    Path dir;

    @Test
    void aMacroReadsSliceMeansAndCentroidsHeadless() throws Exception {
        SyntheticStack stack = new SyntheticStack(30, 40, 50, 4);
        String pattern = stack.writeTiffs(dir.resolve("data"));
        Path macro = dir.resolve("tables.ijm");
        Files.writeString(macro, String.join("\n",
                "run(\"Open Grid Stack...\", \"source=[" + pattern + "] name=t\");",
                "run(\"Grid Slice Means...\", \"name=t\");",
                "print(\"rows=\" + nResults + \" mean7=\" + d2s(getResult(\"mean\", 7), 9) + \" table=\" + d2s(Table.get(\"mean\", 7), 9));",
                "run(\"Grid Recenter...\", \"name=t crop=20 target=t_rc\");",
                "print(\"centroids=\" + nResults + \" row0_7=\" + getResult(\"row0\", 7));", ""));
        HeadlessLauncherIT.Run run = HeadlessLauncherIT.launcher("--headless", "-macro", macro.toString());
        assertEquals(0, run.exit, run.output);
        long sum = 0;
        for (byte b : stack.frame(7)) sum += b & 0xff;
        String mean = String.format(java.util.Locale.ROOT, "%.9f", sum / 2000.0);
        assertTrue(run.output.contains("rows=30 mean7=" + mean + " table=" + mean), run.output);
        Matcher m = Pattern.compile("centroids=30 row0_7=(\\d+)").matcher(run.output);
        assertTrue(m.find(), run.output);
    }
}
