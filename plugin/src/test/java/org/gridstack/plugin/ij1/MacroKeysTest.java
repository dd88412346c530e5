package org.gridstack.plugin.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.Macro;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;
import org.junit.jupiter.api.Test;

/**
 * The macro keys are an API: recorded and hand-written macros name them. Each is its input's field name (explicit,
 * not derived from the label), the list below is the contract, and each dialog label starts with its key, so that
 * what ImageJ's recorder writes from the dialog is what the command reads back. Keys that name files or folders get
 * a field with a Browse button.
 */
class MacroKeysTest {
    private static final Map<String, List<String>> KEYS = new LinkedHashMap<>();
    /** The keys that name files or folders. */
    private static final List<String> PATHS = List.of("source", "path", "csv", "macro", "folder", "keystore", "truststore", "export");

    static {
        KEYS.put("OpenGridStack", List.of("source", "first", "last", "name", "frames", "show", "overwrite"));
        KEYS.put("PersistGridStack", List.of("name"));
        KEYS.put("GridZProject", List.of("name", "projection"));
        KEYS.put("GridSliceMeans", List.of("name", "csv"));
        KEYS.put("GridRecenter", List.of("name", "crop", "target", "csv", "show", "overwrite"));
        KEYS.put("GridRechunk", List.of("name", "block", "target", "overwrite"));
        KEYS.put("GridFftPower", List.of("name", "block", "target", "show", "overwrite"));
        KEYS.put("GridMapMacro", List.of("name", "macro", "sees", "target", "show", "overwrite"));
        KEYS.put("GridMeasureMacro", List.of("name", "macro", "csv"));
        KEYS.put("PlotSpectrum", List.of("name", "x", "y"));
        KEYS.put("SaveGridStack", List.of("name", "path", "format", "overwrite"));
        KEYS.put("TaskStream", List.of("operation", "export"));
        KEYS.put("GridStatusCommand", List.of());
        KEYS.put("ConnectToGrid", List.of("addresses", "timeout", "keystore", "truststore", "password"));
        KEYS.put("DisconnectFromGrid", List.of());
        KEYS.put("GenerateSyntheticStack", List.of("folder", "slices", "height", "width", "seed"));
    }

    @Test
    void everyMenuCommandHasItsListedKeysAndEachLabelStartsWithItsKey() throws Exception {
        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (String command : menuCommands()) {
            CommandInfo info = new CommandInfo("org.gridstack.plugin.commands." + command);
            List<String> keys = new ArrayList<>();
            for (ModuleItem<?> item : new CommandDialog(info).items()) {
                String key = CommandDialog.key(item);
                keys.add(key);
                assertEquals(key, Macro.trimKey(item.getLabel()), command + ": the label of '" + key + "' must start with its key, "
                        + "else ImageJ records another key than the command reads: " + item.getLabel());
                if (PATHS.contains(key)) {
                    assertTrue(item.getWidgetStyle() != null && item.getWidgetStyle().matches("open|save|directory"),
                            command + ": '" + key + "' is a path, so its field needs a Browse button (style open, save or directory)");
                }
            }
            actual.put(command, keys);
        }
        assertEquals(KEYS.keySet(), actual.keySet(), "the commands in plugins.config");
        for (String command : KEYS.keySet()) assertEquals(KEYS.get(command), actual.get(command), command);
    }

    private static List<String> menuCommands() throws IOException {
        List<String> commands = new ArrayList<>();
        try (InputStream in = MacroKeysTest.class.getResourceAsStream("/plugins.config")) {
            Matcher m = Pattern.compile("GridCommandPlugIn\\(\"(\\w+)\"\\)").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) commands.add(m.group(1));
        }
        return commands;
    }
}
