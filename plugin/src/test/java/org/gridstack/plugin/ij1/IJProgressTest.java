package org.gridstack.plugin.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What IJProgress prints headless, and shows in the status line with a display, on made-up stages. */
class IJProgressTest {
    private static final long MB16 = 16_000_000;
    private static final Pattern LINE = Pattern.compile(
            "Persist em: (\\d+)/(\\d+) chunks, (\\d+|\\d\\.\\d) MB/s, ETA (unknown|\\d+ s|\\d+ min \\d\\d s|\\d+ h \\d\\d min)( \\(no chunk for .*\\))?");
    private static final Pattern END = Pattern.compile("Persist em: (\\d+)/\\1 chunks, (\\d+) MB/s, done in .*");

    private record Line(double seconds, String text) { }

    private static List<Line> headless(SimulatedStage stage, FakeClock clock) {
        List<Line> lines = new ArrayList<>();
        IJProgress progress = new IJProgress("Persist em", true, clock, text -> lines.add(new Line(clock.seconds(), text)));
        stage.replay(clock, 0.1, new SimulatedStage.Caller() {
            @Override
            public void update(long done, long total, long bytes) {
                progress.update(done, total, bytes);
            }

            @Override
            public void poll() {
                progress.isCancelled();
            }
        });
        return lines;
    }

    @Test
    void headlessPrintsStartEndAndALineEveryTenSeconds() {
        SimulatedStage stage = new SimulatedStage(4, 1).startup(3.3).phase(2500, 0.87, MB16);
        List<Line> lines = headless(stage, new FakeClock());
        assertEquals(new Line(0, "Persist em: started"), lines.get(0));
        Line end = lines.get(lines.size() - 1);
        assertTrue(END.matcher(end.text).matches(), end.text);
        assertTrue(end.text.startsWith("Persist em: 2500/2500 chunks, 7"), end.text); // 40 GB in ~550 s: ~73 MB/s
        assertTrue(end.text.matches(".* done in 9 min \\d\\d s"), end.text);
        assertEquals(stage.end(), end.seconds, 1e-6);
        List<Line> running = lines.subList(1, lines.size() - 1);
        assertEquals(Math.floor(stage.end() / 10), running.size(), 1, "one line per 10 s: " + running);
        double previous = 0;
        for (Line line : running) {
            Matcher m = LINE.matcher(line.text);
            assertTrue(m.matches(), line.text);
            double gap = line.seconds - previous;
            assertTrue(gap >= 10 && gap <= 10.1 + 1e-6, "a line every 10 s, not " + gap + " s: " + line);
            previous = line.seconds;
        }
        // the first line at 10 s already has an ETA (the warm-up is over), and every later one is sound
        Matcher first = LINE.matcher(running.get(0).text);
        assertTrue(first.matches() && !first.group(4).equals("unknown"), running.get(0).text);
        Matcher sixth = LINE.matcher(running.get(5).text); // at 60 s, ~490 s left
        assertTrue(sixth.matches() && sixth.group(4).startsWith("8 min "), running.get(5).text);
        assertTrue(Integer.parseInt(sixth.group(3)) > 65 && Integer.parseInt(sixth.group(3)) < 80, running.get(5).text);
    }

    @Test
    void linesGoOnWhileNoChunkComes() {
        // every job stops for 45 s: the cancel polls keep the lines coming and say how long it has been
        SimulatedStage stage = new SimulatedStage(4, 7).startup(2).phase(1000, 0.8, MB16).stall(100, 45);
        List<Line> lines = headless(stage, new FakeClock());
        List<String> stalled = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            assertTrue(lines.get(i).seconds - lines.get(i - 1).seconds <= 10.1 + 1e-6, "gap before " + lines.get(i));
            if (lines.get(i).text.contains("(no chunk for ")) stalled.add(lines.get(i).text);
        }
        assertEquals(4, stalled.size(), stalled.toString());
        assertTrue(stalled.get(stalled.size() - 1).contains("(no chunk for 4"), stalled.toString());
    }

    @Test
    void headlessBeforeTheFirstChunk() {
        FakeClock clock = new FakeClock();
        List<String> lines = new ArrayList<>();
        IJProgress progress = new IJProgress("Persist em", true, clock, lines::add);
        for (int i = 1; i <= 250; i++) {
            clock.set(i * 0.1);
            progress.isCancelled();
        }
        assertEquals(List.of("Persist em: started", "Persist em: no chunk done yet after 10 s",
                "Persist em: no chunk done yet after 20 s"), lines);
    }

    @Test
    void shortStageHasTheStartAndTheEndLineOnly() {
        // like each stage of the demo: 4 chunks in under a second
        FakeClock clock = new FakeClock();
        List<String> lines = new ArrayList<>();
        IJProgress progress = new IJProgress("Persist em", true, clock, lines::add);
        for (int i = 1; i <= 4; i++) {
            clock.set(0.1 + i * 0.15);
            progress.update(i, 4, i * 13_107_200L);
            progress.isCancelled();
        }
        progress.update(4, 4, 4 * 13_107_200L); // a repeated last update prints nothing more
        assertEquals(List.of("Persist em: started", "Persist em: 4/4 chunks, 75 MB/s, done in 0.7 s"), lines);
    }

    @Test
    void withADisplayTheStatusLineFollowsEveryUpdateAndStallsOncePerSecond() {
        FakeClock clock = new FakeClock();
        List<String> status = new ArrayList<>();
        IJProgress progress = new IJProgress("Persist em", false, clock, status::add);
        assertEquals(List.of(), status, "no start line in the status bar");
        for (int i = 1; i <= 20; i++) {
            clock.set(1 + i * 0.2);
            progress.update(i, 100, i * MB16);
        }
        assertEquals(20, status.size());
        assertEquals("Persist em: 1/100 chunks, 13 MB/s, ETA unknown", status.get(0));
        assertEquals("Persist em: 20/100 chunks, 80 MB/s, ETA 16 s", status.get(19)); // 19 in 3.8 s after the first
        for (int i = 1; i <= 150; i++) {
            clock.set(5 + i * 0.1);
            progress.isCancelled();
        }
        assertEquals(35, status.size(), "refreshed once a second while no chunk came: " + status);
        assertEquals("Persist em: 20/100 chunks, 16 MB/s, ETA 1 min 19 s (no chunk for 15 s)", status.get(34));
    }

    @Test
    void megabytesPerSecond() {
        assertEquals("540", IJProgress.megabytes(540.4));
        assertEquals("10", IJProgress.megabytes(9.96));
        assertEquals("9.9", IJProgress.megabytes(9.94));
        assertEquals("0.7", IJProgress.megabytes(0.67));
        assertEquals("0.0", IJProgress.megabytes(0));
    }

    @Test
    void durations() {
        assertEquals("0 s", IJProgress.duration(0.2));
        assertEquals("42 s", IJProgress.duration(42.4));
        assertEquals("59 s", IJProgress.duration(59.4));
        assertEquals("1 min 00 s", IJProgress.duration(59.6));
        assertEquals("1 min 40 s", IJProgress.duration(100));
        assertEquals("9 min 05 s", IJProgress.duration(545));
        assertEquals("99 min 59 s", IJProgress.duration(5999));
        assertEquals("1 h 40 min", IJProgress.duration(6000));
        assertEquals("26 h 03 min", IJProgress.duration(93_780));
    }
}
