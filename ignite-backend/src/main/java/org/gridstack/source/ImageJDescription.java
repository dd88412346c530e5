package org.gridstack.source;

import java.util.HashMap;
import java.util.Map;

/**
 * The key=value lines ImageJ writes into a TIFF's ImageDescription ("ImageJ=1.54f", "images=", "channels=", "slices=",
 * "frames=", "unit=", "spacing=", "finterval=", "tunit=", ...), as ImageJ's own reader takes them.
 */
final class ImageJDescription {
    private final Map<String, String> values;

    private ImageJDescription(Map<String, String> values) {
        this.values = values;
    }

    /** The description's fields, or null if it is not ImageJ's (it starts with "ImageJ="). */
    static ImageJDescription parse(String description) {
        if (description == null || !description.startsWith("ImageJ=")) return null;
        Map<String, String> values = new HashMap<>();
        for (String line : description.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        return new ImageJDescription(values);
    }

    String text(String key) {
        return values.get(key);
    }

    /** A positive number, or 0 when the field is absent or not a positive number. */
    double number(String key) {
        try {
            double v = Double.parseDouble(values.getOrDefault(key, "0"));
            return v > 0 && Double.isFinite(v) ? v : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A count such as "frames", 1 when absent. */
    long count(String key) {
        double v = number(key);
        return v >= 1 ? (long) v : 1;
    }
}
