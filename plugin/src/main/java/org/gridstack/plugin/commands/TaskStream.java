package org.gridstack.plugin.commands;

import ij.ImagePlus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.gridstack.base.GridStackException;
import org.gridstack.telemetry.TaskLog;
import org.gridstack.plugin.GridService;
import org.gridstack.plugin.ij1.TaskStreamImage;
import org.gridstack.plugin.io.ResultFiles;
import org.gridstack.taskstream.TaskStreamSvg;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** The task stream of the latest (or a chosen) grid operation: a window, and optionally SVG, HTML and PNG files. */
@Plugin(type = Command.class, label = "Task Stream...")
public final class TaskStream implements Command {
    @Parameter
    private GridService grid;

    @Parameter(label = "operation (blank: the latest; else part of its name, e.g. persist em)", required = false, persist = false)
    private String operation = "";

    @Parameter(label = "export folder for task_stream.svg/.html/.png (blank: none)", style = "directory", required = false, persist = false)
    private String export = "";

    @Override
    public void run() {
        TaskLog log = choose(grid.grid().taskLogs());
        ImagePlus imp = TaskStreamImage.render(log);
        if (export != null && !export.isBlank()) write(log, imp, Paths.get(export.trim()));
        imp.show();
    }

    private TaskLog choose(List<TaskLog> logs) {
        if (logs.isEmpty()) throw new GridStackException("no grid operation has run yet: nothing to show");
        if (operation == null || operation.isBlank()) return logs.get(logs.size() - 1);
        for (int i = logs.size() - 1; i >= 0; i--) {
            if (logs.get(i).operation().contains(operation.trim())) return logs.get(i);
        }
        StringBuilder known = new StringBuilder();
        for (TaskLog l : logs) known.append(known.length() == 0 ? "" : ", ").append(l.operation());
        throw new GridStackException("no recent operation matches '" + operation + "'; recent: " + known);
    }

    private static void write(TaskLog log, ImagePlus imp, Path folder) {
        try {
            Files.createDirectories(folder);
            TaskStreamSvg.writeSvg(log, folder.resolve("task_stream.svg"));
            TaskStreamSvg.writeHtml(log, folder.resolve("task_stream.html"));
        } catch (IOException e) {
            throw new GridStackException("cannot write the task stream into " + folder + ": " + e.getMessage(), e);
        }
        ResultFiles.savePng(imp.flatten(), folder.resolve("task_stream.png").toString());
    }
}
