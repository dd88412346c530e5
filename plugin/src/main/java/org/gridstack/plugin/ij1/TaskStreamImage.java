package org.gridstack.plugin.ij1;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.process.ColorProcessor;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import org.gridstack.telemetry.TaskEvent;
import org.gridstack.telemetry.TaskLog;
import org.gridstack.taskstream.TaskStreamLayout;
import org.gridstack.taskstream.TaskStreamSvg;

/**
 * A task stream as an ImageJ image: the rectangles are painted, and each is also an overlay ROI named with its
 * details (kind, chunk, duration, bytes, node and thread), so the Overlay list or a click on it tells what it was.
 */
public final class TaskStreamImage {
    private TaskStreamImage() {}

    public static ImagePlus render(TaskLog log) {
        TaskStreamLayout l = new TaskStreamLayout(log, TaskStreamSvg.PLOT_WIDTH);
        ColorProcessor ip = new ColorProcessor(l.width, l.height);
        ip.setColor(Color.WHITE);
        ip.fill();
        ip.setAntialiasedText(true);
        ip.setColor(Color.BLACK);
        ip.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        ip.drawString(l.title, 10, 24);
        ip.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int legendX = TaskStreamLayout.LABEL_WIDTH + 420;
        for (TaskEvent.Kind kind : TaskEvent.Kind.values()) {
            ip.setColor(new Color(TaskStreamLayout.colour(kind)));
            ip.fillRect(legendX, 9, 12, 12);
            ip.setColor(Color.BLACK);
            ip.drawString(kind.name().toLowerCase(Locale.ROOT), legendX + 16, 22);
            legendX += 90;
        }
        for (int r = 0; r < l.rows.size(); r++) {
            ip.drawString(l.rows.get(r), 10, TaskStreamLayout.TOP + r * TaskStreamLayout.ROW_HEIGHT + 16);
        }
        Overlay overlay = new Overlay();
        for (TaskStreamLayout.Box b : l.boxes) {
            ip.setColor(new Color(TaskStreamLayout.colour(b.event.kind)));
            ip.fillRect(b.x, b.y, b.width, b.height);
            Roi roi = new Roi(b.x, b.y, b.width, b.height);
            roi.setName(b.describe());
            roi.setStrokeColor(new Color(0, 0, 0, 0));
            overlay.add(roi);
        }
        ip.setColor(Color.BLACK);
        double seconds = (l.endMicros - l.startMicros) / 1e6;
        for (int i = 0; i <= 5; i++) {
            int x = TaskStreamLayout.LABEL_WIDTH + i * TaskStreamSvg.PLOT_WIDTH / 5;
            ip.drawString(String.format(Locale.ROOT, "%.2f s", seconds * i / 5), x - 15, l.height - 8);
        }
        ImagePlus imp = new ImagePlus("Task Stream - " + log.operation(), ip);
        imp.setOverlay(overlay);
        return imp;
    }
}
