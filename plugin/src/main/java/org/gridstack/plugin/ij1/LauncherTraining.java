package org.gridstack.plugin.ij1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridstack.base.Folders;

/**
 * What {@code scripts/gridstack} runs once per build under {@code -XX:ArchiveClassesAtExit}, so that the JVM records
 * the classes a launch loads (ImageJ's, SciJava's, Grid Stack's and Ignite's thousands) into a class-data-sharing
 * archive that later launches map instead of finding, reading and verifying each class again: the seed pipeline's
 * commands on a tiny stack, through {@link HeadlessMain} as a user's macro runs them, on an embedded grid.
 */
public final class LauncherTraining {
    private LauncherTraining() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("gridstack-training-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Folders.deleteQuietly(dir)));
        String folder = dir.toString().replace("\\", "/");
        String macro = String.join("\n",
                "run(\"Generate Synthetic Stack...\", \"folder=[" + folder + "] slices=16 height=64 width=64 seed=1\");",
                "run(\"Open Grid Stack...\", \"source=[" + folder + "/slice_%05d.tif] name=training frames=4\");",
                "run(\"Persist Grid Stack\", \"name=training\");",
                "run(\"Grid Z Project...\", \"name=training projection=[Average Intensity]\");",
                "run(\"Grid Slice Means...\", \"name=training\");",
                "run(\"Grid Recenter...\", \"name=training crop=32 target=training_rc\");",
                "run(\"Grid FFT Power...\", \"name=training_rc target=training_power\");",
                "run(\"Plot Spectrum...\", \"name=training_power x=3 y=3\");");
        HeadlessMain.main(new String[] {"--headless", "--eval", macro});
    }
}
