package org.gridstack.ops;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridstack.array.ArrayMeta;

/**
 * Results an operation worked out about an array on its way (the sums persist gathers, say) that a later operation
 * on the same array may answer from instead of reading every chunk again. Kept on the caller's side, least recently
 * used first out beyond a byte budget, forgotten when the array is dropped. Keyed by the array's identity, so an
 * array replaced under the same name never answers with its predecessor's results.
 */
public final class ResultMemo {
    private final long capacityBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    private record Entry(Object value, long bytes) {}

    public ResultMemo(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** Keeps {@code value} (about {@code size} bytes) as the {@code kind} result of {@code array}, unless it alone is over budget. */
    public synchronized void put(ArrayMeta array, String kind, Object value, long size) {
        String key = key(array.id(), kind);
        Entry old = entries.remove(key);
        if (old != null) bytes -= old.bytes;
        if (size > capacityBytes) return;
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (bytes + size > capacityBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().bytes;
            eldest.remove();
        }
        entries.put(key, new Entry(value, size));
        bytes += size;
    }

    /** The {@code kind} result kept for this very array, or null. */
    public synchronized <T> T get(ArrayMeta array, String kind, Class<T> type) {
        Entry e = entries.get(key(array.id(), kind));
        return e == null ? null : type.cast(e.value);
    }

    /** Forgets every result of the array with identity {@code arrayId}. */
    public synchronized void forget(String arrayId) {
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Entry> e = it.next();
            if (e.getKey().startsWith(arrayId + "/")) {
                bytes -= e.getValue().bytes;
                it.remove();
            }
        }
    }

    private static String key(String arrayId, String kind) {
        return arrayId + "/" + kind;
    }
}
