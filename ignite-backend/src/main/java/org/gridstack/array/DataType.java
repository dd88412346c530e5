package org.gridstack.array;

/** Element type of a grid array; chunks are stored as the matching Java primitive array. */
public enum DataType {
    UINT8(1, "8-bit"),
    UINT16(2, "16-bit"),
    FLOAT32(4, "32-bit"),
    FLOAT64(8, "64-bit");

    private final int bytes;
    private final String label;

    DataType(int bytes, String label) {
        this.bytes = bytes;
        this.label = label;
    }

    public int bytes() {
        return bytes;
    }

    /** ImageJ-style name, e.g. "8-bit", used in messages. */
    public String label() {
        return label;
    }

    public Object allocate(int length) {
        switch (this) {
            case UINT8: return new byte[length];
            case UINT16: return new short[length];
            case FLOAT32: return new float[length];
            default: return new double[length];
        }
    }

    public static int length(Object primitiveArray) {
        return java.lang.reflect.Array.getLength(primitiveArray);
    }

    /** Element i as a double: unsigned for the integer types. */
    public static double get(Object data, int i) {
        if (data instanceof byte[]) return ((byte[]) data)[i] & 0xff;
        if (data instanceof short[]) return ((short[]) data)[i] & 0xffff;
        if (data instanceof float[]) return ((float[]) data)[i];
        return ((double[]) data)[i];
    }
}
