package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.CacheException;
import org.apache.ignite.Ignition;
import org.apache.ignite.cluster.ClusterTopologyException;
import org.gridstack.exec.StageRetry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stage that meets a departed server in its first steps runs once more; other failures are not retried. */
class StageRetryTest {
    private static final long REGION = 64L << 20;

    @TempDir
    Path work;

    @Test
    void aStageThatMetALeavingServerRunsAgainOnceTheClusterHasNoticed() {
        try (SeparateGrid pair = new SeparateGrid("retry", 2, REGION, work)) {
            AtomicInteger calls = new AtomicInteger();
            String result = StageRetry.run(pair.node(0), () -> {
                if (calls.incrementAndGet() == 1) {
                    Ignition.stop(pair.node(1).name(), true);
                    throw new CacheException(new ClusterTopologyException("Remote node has left topology"));
                }
                return "servers: " + pair.node(0).cluster().forServers().nodes().size();
            });
            assertEquals(2, calls.get());
            assertEquals("servers: 1", result);
        }
    }

    @Test
    void otherFailuresAreNotRetried() {
        try (SeparateGrid one = new SeparateGrid("no-retry", 1, REGION, work)) {
            AtomicInteger calls = new AtomicInteger();
            IllegalStateException failure = new IllegalStateException("corrupt chunk");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> StageRetry.run(one.node(0), () -> {
                calls.incrementAndGet();
                throw failure;
            }));
            assertSame(failure, thrown);
            assertEquals(1, calls.get());
        }
    }
}
