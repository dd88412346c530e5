package org.gridstack.taskstream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.gridstack.telemetry.TaskEvent;
import org.gridstack.telemetry.TaskLog;

/**
 * Geometry of a task stream: one row per node and thread, one rectangle per task event, time along x.
 * Shared by the SVG/HTML export and the ImageJ view so both show the same picture.
 */
public final class TaskStreamLayout {
    public static final int LABEL_WIDTH = 220;
    public static final int ROW_HEIGHT = 22;
    public static final int TOP = 40;
    public static final int AXIS_HEIGHT = 30;

    /** One rectangle to draw. */
    public static final class Box {
        public final TaskEvent event;
        public final int x, y, width, height;

        Box(TaskEvent event, int x, int y, int width, int height) {
            this.event = event;
            this.x = x;
            this.y = y;
            this.width = width;
            this.height = height;
        }

        /** What hovering or clicking tells: kind, chunk, duration, bytes, where. */
        public String describe() {
            return String.format(Locale.ROOT, "%s %s#%d  %.1f ms  %.2f MB  %s / %s", event.kind.name().toLowerCase(Locale.ROOT),
                    event.array, event.chunk, event.durationMicros() / 1000.0, event.bytes / 1e6, event.node, event.thread);
        }
    }

    public final String title;
    public final int width;
    public final int height;
    public final long startMicros;
    public final long endMicros;
    public final List<String> rows;
    public final List<Box> boxes;

    public TaskStreamLayout(TaskLog log, int plotWidth) {
        List<TaskEvent> events = log.events();
        this.startMicros = log.startMicros();
        this.endMicros = Math.max(log.endMicros(), startMicros + 1);
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        Map<String, List<TaskEvent>> byRow = new TreeMap<>();
        for (TaskEvent e : events) byRow.computeIfAbsent(e.node + " / " + e.thread.replaceAll("%[^%]*%$", ""), k -> new ArrayList<>()).add(e);
        for (String row : byRow.keySet()) rowOf.put(row, rowOf.size());
        this.rows = new ArrayList<>(rowOf.keySet());
        this.width = LABEL_WIDTH + plotWidth + 20;
        this.height = TOP + Math.max(1, rows.size()) * ROW_HEIGHT + AXIS_HEIGHT;
        this.title = String.format(Locale.ROOT, "Task stream: %s (%.2f s, %d tasks)", log.operation(),
                (endMicros - startMicros) / 1e6, events.size());
        double scale = plotWidth / (double) (endMicros - startMicros);
        List<Box> boxes = new ArrayList<>();
        for (Map.Entry<String, List<TaskEvent>> row : byRow.entrySet()) {
            int y = TOP + rowOf.get(row.getKey()) * ROW_HEIGHT + 2;
            for (TaskEvent e : row.getValue()) {
                int x = LABEL_WIDTH + (int) Math.round((e.startMicros - startMicros) * scale);
                int w = Math.max(1, (int) Math.round(e.durationMicros() * scale));
                boxes.add(new Box(e, x, y, w, ROW_HEIGHT - 4));
            }
        }
        this.boxes = boxes;
    }

    /** Colour of a kind of work, as 0xRRGGBB: network transfer in red. */
    public static int colour(TaskEvent.Kind kind) {
        switch (kind) {
            case MAKE: return 0x1f77b4;
            case READ: return 0x9edae5;
            case TRANSFER: return 0xd62728;
            case SPILL: return 0xff7f0e;
            default: return 0x2ca02c;
        }
    }
}
