package org.gridstack.ops.map;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table of measurements per slice, as ImageJ's batch measurements give: each row belongs to one slice (1-based)
 * and holds named values (Double or String); columns in the order they first appeared.
 */
public final class Measurements implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One row: its slice (1-based) and values by column. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;

        private final long slice;
        private final Map<String, Object> values;

        Row(long slice, Map<String, Object> values) {
            this.slice = slice;
            this.values = values;
        }

        public long slice() {
            return slice;
        }

        public Map<String, Object> values() {
            return values;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    public void add(long slice, List<Map<String, Object>> values) {
        for (Map<String, Object> v : values) rows.add(new Row(slice, new LinkedHashMap<>(v)));
    }

    /** These rows and {@code other}'s, ordered by slice (rows of one slice keep their order). */
    public Measurements merge(Measurements other) {
        Measurements merged = new Measurements();
        merged.rows.addAll(rows);
        merged.rows.addAll(other.rows);
        merged.rows.sort(Comparator.comparingLong(Row::slice));
        return merged;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Every column any row has, in the order they first appear. */
    public List<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        for (Row r : rows) columns.addAll(r.values().keySet());
        return List.copyOf(columns);
    }
}
