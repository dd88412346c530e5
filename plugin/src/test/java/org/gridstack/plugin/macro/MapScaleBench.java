package org.gridstack.plugin.macro;

import java.util.Map;
import org.gridstack.GridConnection;
import org.gridstack.GridStack;
import org.gridstack.base.Progress;
import org.gridstack.cluster.TestCluster;
import org.gridstack.grid.ConnectOptions;

/**
 * Grid Map Macro on 1, 2, ... server JVMs on loopback, each a one-core node (run with
 * JAVA_TOOL_OPTIONS=-XX:ActiveProcessorCount=1, as scripts/map-scale-bench does): how the map's throughput grows
 * with server nodes. Args: frames height width nodes... (e.g. 200 1024 1024 1 2).
 */
public final class MapScaleBench {
    private static final String BLUR = "run(\"Gaussian Blur...\", \"sigma=2\");";

    private MapScaleBench() {}

    public static void main(String[] args) {
        int frames = Integer.parseInt(args[0]), height = Integer.parseInt(args[1]), width = Integer.parseInt(args[2]);
        double mb = (double) frames * height * width / 1e6;
        System.out.printf("MapScaleBench: %d slices of %dx%d (%.0f MB), Gaussian Blur sigma 2; each server a one-core JVM (%d core(s) seen)%n",
                frames, width, height, mb, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-7s %12s %12s %10s %9s%n", "servers", "first map s", "second map s", "MB/s", "speed-up");
        double one = 0;
        for (int i = 3; i < args.length; i++) {
            int nodes = Integer.parseInt(args[i]);
            try (TestCluster cluster = TestCluster.start(nodes, Map.of("region.mb", "1024"));
                 GridConnection connection = GridConnection.connect(ConnectOptions.to(cluster.addresses()))) {
                GridStack grid = connection.grid();
                grid.open("stack", new SyntheticSource(frames, height, width, 1), 0);
                grid.persist("stack");
                double first = timedMap(grid), second = timedMap(grid);
                if (one == 0) one = second * nodes;
                System.out.printf("%-7d %12.2f %12.2f %10.1f %8.2fx%n", nodes, first, second, mb / second, one / second);
            }
        }
        System.exit(0);
    }

    private static double timedMap(GridStack grid) {
        long t0 = System.nanoTime();
        grid.overwriting().map("stack", "blurred", new MacroMapper(new UserCode(UserCode.Language.MACRO, BLUR, null), false), Progress.NONE);
        return (System.nanoTime() - t0) / 1e9;
    }
}
