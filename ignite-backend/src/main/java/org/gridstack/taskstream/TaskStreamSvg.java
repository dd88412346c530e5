package org.gridstack.taskstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gridstack.telemetry.TaskEvent;
import org.gridstack.telemetry.TaskLog;

/** A task stream as a self-contained SVG (hover a rectangle for its details), or an HTML page holding it. */
public final class TaskStreamSvg {
    public static final int PLOT_WIDTH = 1000;

    private TaskStreamSvg() {}

    public static String svg(TaskLog log) {
        TaskStreamLayout l = new TaskStreamLayout(log, PLOT_WIDTH);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", l.width, l.height));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", l.width, l.height));
        s.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"14\">%s</text>%n", escape(l.title)));
        int legendX = TaskStreamLayout.LABEL_WIDTH + 420;
        for (TaskEvent.Kind kind : TaskEvent.Kind.values()) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"9\" width=\"12\" height=\"12\" fill=\"#%06x\"/><text x=\"%d\" y=\"20\">%s</text>%n",
                    legendX, TaskStreamLayout.colour(kind), legendX + 16, kind.name().toLowerCase(Locale.ROOT)));
            legendX += 90;
        }
        for (int r = 0; r < l.rows.size(); r++) {
            int y = TaskStreamLayout.TOP + r * TaskStreamLayout.ROW_HEIGHT;
            s.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", y + 15, escape(l.rows.get(r))));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eeeeee\"/>%n",
                    TaskStreamLayout.LABEL_WIDTH, y + TaskStreamLayout.ROW_HEIGHT, l.width - 20, y + TaskStreamLayout.ROW_HEIGHT));
        }
        for (TaskStreamLayout.Box b : l.boxes) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#%06x\"><title>%s</title></rect>%n",
                    b.x, b.y, b.width, b.height, TaskStreamLayout.colour(b.event.kind), escape(b.describe())));
        }
        int axisY = l.height - TaskStreamLayout.AXIS_HEIGHT + 15;
        double seconds = (l.endMicros - l.startMicros) / 1e6;
        for (int i = 0; i <= 5; i++) {
            int x = TaskStreamLayout.LABEL_WIDTH + i * PLOT_WIDTH / 5;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%.2f s</text>%n", x, axisY, seconds * i / 5));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    public static void writeSvg(TaskLog log, Path file) throws IOException {
        Files.writeString(file, svg(log), StandardCharsets.UTF_8);
    }

    public static void writeHtml(TaskLog log, Path file) throws IOException {
        String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(log.operation())
                + "</title></head>\n<body>\n" + svg(log) + "</body></html>\n";
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
