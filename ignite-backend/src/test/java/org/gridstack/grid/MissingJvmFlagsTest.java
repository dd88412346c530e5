package org.gridstack.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridstack.base.GridStackException;
import org.junit.jupiter.api.Test;

/** A JVM without Ignite's --add-opens (a stock Fiji) gets one clear message, not Ignite's stack trace. */
class MissingJvmFlagsTest {
    /** Run in a child JVM started without the flags. */
    public static final class Probe {
        public static void main(String[] args) {
            try {
                EmbeddedGrid.get();
                System.out.println("STARTED");
            } catch (GridStackException e) {
                System.out.println("MESSAGE: " + e.getMessage());
            }
            System.exit(0);
        }
    }

    @Test
    void thisTestJvmHasEveryFlag() {
        assertEquals(List.of(), IgniteJvmFlags.missing());
        assertTrue(IgniteJvmFlags.all().size() > 20);
    }

    @Test
    void aJvmWithoutTheFlagsIsToldWhatToDo() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertFalse(out.contains("STARTED"), out);
        assertTrue(out.contains("MESSAGE: Grid Stack cannot start its Ignite node: this Java VM lacks"), out);
        assertTrue(out.contains("--add-opens=java.base/"), out);
        assertTrue(out.contains("install-fiji"), out);
        assertFalse(out.contains("InaccessibleObjectException"), out);
    }
}
