package org.gridstack.zarr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridstack.base.GridStackException;

/**
 * OME-NGFF 0.4 image metadata: the "multiscales" attribute of a Zarr group, which names the group's axes (with
 * their type and unit) and its resolution levels (arrays at paths relative to the group, each with its scale).
 * A Grid Stack time series is one level, {@code "0"}, on axes t, y, x with scale [dt, dy, dx]:
 *
 * <pre>{@code
 * OmeNgff.Multiscale m = OmeNgff.timeYx("movie", 0.5, "second", 0.1625, 0.1625, "micrometer");
 * ZarrArray level0 = OmeNgff.createImage(Path.of("movie.ome.zarr"), m, header);
 * }</pre>
 *
 * Writing checks the 0.4 rules (2 to 5 axes with unique names; 2 or 3 of type space, at most one time axis first
 * and one channel or custom axis next; space and time units from the specification's list; one scale per level of
 * the axes' length). Reading is lenient about what the specification only recommends.
 */
public final class OmeNgff {
    public static final String VERSION = "0.4";

    private static final Set<String> SPACE_UNITS = Set.of("angstrom", "attometer", "centimeter", "decimeter", "exameter", "femtometer", "foot",
            "gigameter", "hectometer", "inch", "kilometer", "megameter", "meter", "micrometer", "mile", "millimeter", "nanometer", "parsec",
            "petameter", "picometer", "terameter", "yard", "yoctometer", "yottameter", "zeptometer", "zettameter");
    private static final Set<String> TIME_UNITS = Set.of("attosecond", "centisecond", "day", "decisecond", "exasecond", "femtosecond",
            "gigasecond", "hectosecond", "hour", "kilosecond", "megasecond", "microsecond", "millisecond", "minute", "nanosecond", "petasecond",
            "picosecond", "second", "terasecond", "yoctosecond", "yottasecond", "zeptosecond", "zettasecond");

    private OmeNgff() {
    }

    /** One axis: a unique name, a type ("space", "time", "channel", a custom one, or null) and a unit (or null). */
    public record Axis(String name, String type, String unit) {
        public static Axis space(String name, String unit) {
            return new Axis(name, "space", unit);
        }

        public static Axis time(String name, String unit) {
            return new Axis(name, "time", unit);
        }
    }

    /**
     * One resolution level: the array's path relative to the group, the size of a pixel along each axis, and the
     * position of pixel 0 (null: the origin). Read back, both include the multiscale's own transformations, if any.
     */
    public record Dataset(String path, double[] scale, double[] translation) {
        public Dataset {
            scale = scale.clone();
            translation = translation == null ? null : translation.clone();
        }

        @Override
        public double[] scale() {
            return scale.clone();
        }

        @Override
        public double[] translation() {
            return translation == null ? null : translation.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Dataset d && path.equals(d.path) && Arrays.equals(scale, d.scale) && Arrays.equals(translation, d.translation);
        }

        @Override
        public int hashCode() {
            return path.hashCode() * 31 + Arrays.hashCode(scale) * 17 + Arrays.hashCode(translation);
        }

        @Override
        public String toString() {
            return "Dataset[" + path + ", scale " + Arrays.toString(scale) + (translation == null ? "" : ", translation " + Arrays.toString(translation)) + "]";
        }
    }

    /** One multiscale image: a name (may be null), its axes and its levels, largest first. */
    public record Multiscale(String name, List<Axis> axes, List<Dataset> datasets) {
        public Multiscale {
            axes = List.copyOf(axes);
            datasets = List.copyOf(datasets);
        }
    }

    /** A one-level time series on axes t, y, x with pixel size [dt, dy, dx]; units may be null. */
    public static Multiscale timeYx(String name, double dt, String timeUnit, double dy, double dx, String spaceUnit) {
        return new Multiscale(name, List.of(Axis.time("t", timeUnit), Axis.space("y", spaceUnit), Axis.space("x", spaceUnit)),
                List.of(new Dataset("0", new double[] {dt, dy, dx}, null)));
    }

    /**
     * Creates an OME-NGFF image: the group in {@code dir} (created if needed) with {@code m} as its only
     * multiscale, and its first level's array, empty, with {@code level0} as header (whose rank must be the axes'
     * count). OME-NGFF 0.4 stores chunks in nested folders: pass a header with dimension separator "/" for that.
     */
    public static ZarrArray createImage(Path dir, Multiscale m, ZarrHeader level0) {
        check(m);
        if (level0.rank() != m.axes().size()) {
            throw new GridStackException("the image's array has " + level0.rank() + " dimensions but its metadata " + m.axes().size() + " axes");
        }
        ZarrGroup group = ZarrGroup.create(dir);
        write(group, m);
        return group.createArray(m.datasets().get(0).path(), level0);
    }

    /** Sets the group's "multiscales" attribute to {@code m} alone, keeping its other attributes. */
    public static void write(ZarrGroup group, Multiscale m) {
        check(m);
        Map<String, Object> attrs = group.attributes();
        attrs.put("multiscales", List.of(toJson(m)));
        group.writeAttributes(attrs);
    }

    /** The group's first multiscale image (the one a reader uses when it does not choose by name). */
    public static Multiscale read(ZarrGroup group) {
        return readAll(group).get(0);
    }

    /** All multiscale images of a group; fails naming the group if it has none or they are not OME-NGFF 0.4. */
    public static List<Multiscale> readAll(ZarrGroup group) {
        String where = group.path().resolve(ZarrFiles.ZATTRS).toString();
        Object ms = group.attributes().get("multiscales");
        if (ms == null) throw new GridStackException(where + " has no \"multiscales\": " + group.path() + " is not an OME-NGFF image");
        if (!(ms instanceof List) || ((List<?>) ms).isEmpty()) throw new GridStackException(where + ": \"multiscales\" must be a non-empty list");
        List<Multiscale> out = new ArrayList<>();
        for (Object o : (List<?>) ms) out.add(fromJson(o, where));
        return out;
    }

    /**
     * The OME-NGFF (UDUNITS-2) name of an ImageJ calibration unit ("µm", "um", "micron" give "micrometer"; "sec"
     * and "s" give "second"...), the name itself if it is one already, or null for none ("pixel", unknown units).
     */
    /** The unit as ImageJ writes it ("micrometer" gives "µm", "second" gives "s"); other names as they are. */
    public static String imagejUnit(String ngffUnit) {
        if (ngffUnit == null) return null;
        switch (ngffUnit) {
            case "micrometer": return "\u00b5m";
            case "nanometer": return "nm";
            case "millimeter": return "mm";
            case "centimeter": return "cm";
            case "meter": return "m";
            case "angstrom": return "\u00c5";
            case "second": return "s";
            case "millisecond": return "ms";
            case "microsecond": return "\u00b5s";
            case "nanosecond": return "ns";
            case "minute": return "min";
            case "hour": return "h";
            default: return ngffUnit;
        }
    }

    public static String unit(String imagejUnit) {
        if (imagejUnit == null) return null;
        String u = imagejUnit.trim();
        if (SPACE_UNITS.contains(u) || TIME_UNITS.contains(u)) return u;
        switch (u.replace('\u03bc', '\u00b5')) {
            case "\u00b5m": case "um": case "micron": case "microns": case "micrometers": case "micrometre": case "micrometres": return "micrometer";
            case "nm": case "nanometers": case "nanometre": return "nanometer";
            case "mm": case "millimeters": case "millimetre": return "millimeter";
            case "cm": case "centimeters": return "centimeter";
            case "m": case "meters": case "metre": return "meter";
            case "\u00c5": case "\u212b": case "A": case "angstroms": return "angstrom";
            case "in": case "inches": return "inch";
            case "s": case "sec": case "secs": case "seconds": return "second";
            case "ms": case "msec": case "milliseconds": return "millisecond";
            case "\u00b5s": case "us": case "microseconds": return "microsecond";
            case "ns": case "nanoseconds": return "nanosecond";
            case "min": case "mins": case "minutes": return "minute";
            case "h": case "hr": case "hrs": case "hours": return "hour";
            case "d": case "days": return "day";
            default: return null;
        }
    }

    private static void check(Multiscale m) {
        List<Axis> axes = m.axes();
        String bad = "OME-NGFF 0.4 multiscale \"" + m.name() + "\": ";
        if (axes.size() < 2 || axes.size() > 5) throw new GridStackException(bad + "has " + axes.size() + " axes; 2 to 5 are allowed");
        Set<String> names = new HashSet<>();
        int space = 0;
        int time = 0;
        int other = 0;
        for (int i = 0; i < axes.size(); i++) {
            Axis a = axes.get(i);
            if (a.name() == null || a.name().isEmpty()) throw new GridStackException(bad + "axis " + i + " has no name");
            if (!names.add(a.name())) throw new GridStackException(bad + "axis name \"" + a.name() + "\" appears twice");
            String type = a.type() == null ? "" : a.type();
            if (type.equals("space")) {
                space++;
                if (a.unit() != null && !SPACE_UNITS.contains(a.unit())) throw new GridStackException(bad + "space unit \"" + a.unit() + "\" of axis " + a.name() + " is not one of " + new java.util.TreeSet<>(SPACE_UNITS) + " (OmeNgff.unit maps ImageJ's)");
            } else {
                if (space > 0) throw new GridStackException(bad + "axis " + a.name() + " (" + (type.isEmpty() ? "no type" : type) + ") follows a space axis; space axes come last");
                if (type.equals("time")) {
                    if (time++ > 0 || other > 0) throw new GridStackException(bad + "a time axis must be the first, and only one");
                    if (a.unit() != null && !TIME_UNITS.contains(a.unit())) throw new GridStackException(bad + "time unit \"" + a.unit() + "\" of axis " + a.name() + " is not one of " + new java.util.TreeSet<>(TIME_UNITS) + " (OmeNgff.unit maps ImageJ's)");
                } else if (other++ > 0) {
                    throw new GridStackException(bad + "at most one channel or custom axis is allowed");
                }
            }
        }
        if (space < 2 || space > 3) throw new GridStackException(bad + "has " + space + " space axes; 2 or 3 are needed");
        if (m.datasets().isEmpty()) throw new GridStackException(bad + "has no datasets");
        for (Dataset d : m.datasets()) {
            ZarrFiles.checkName(d.path());
            if (d.scale().length != axes.size()) throw new GridStackException(bad + "dataset \"" + d.path() + "\" has " + d.scale().length + " scale factors for " + axes.size() + " axes");
            if (d.translation() != null && d.translation().length != axes.size()) throw new GridStackException(bad + "dataset \"" + d.path() + "\" has " + d.translation().length + " translations for " + axes.size() + " axes");
        }
    }

    private static Map<String, Object> toJson(Multiscale m) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("version", VERSION);
        if (m.name() != null) j.put("name", m.name());
        List<Object> axes = new ArrayList<>();
        for (Axis a : m.axes()) {
            Map<String, Object> aj = new LinkedHashMap<>();
            aj.put("name", a.name());
            if (a.type() != null) aj.put("type", a.type());
            if (a.unit() != null) aj.put("unit", a.unit());
            axes.add(aj);
        }
        j.put("axes", axes);
        List<Object> datasets = new ArrayList<>();
        for (Dataset d : m.datasets()) {
            List<Object> transforms = new ArrayList<>();
            transforms.add(Map.of("type", "scale", "scale", d.scale()));
            if (d.translation() != null) transforms.add(Map.of("type", "translation", "translation", d.translation()));
            Map<String, Object> dj = new LinkedHashMap<>();
            dj.put("path", d.path());
            dj.put("coordinateTransformations", transforms);
            datasets.add(dj);
        }
        j.put("datasets", datasets);
        return j;
    }

    private static Multiscale fromJson(Object o, String where) {
        if (!(o instanceof Map)) throw new GridStackException(where + ": a multiscale must be an object, not " + o);
        Map<?, ?> j = (Map<?, ?>) o;
        Object version = j.get("version");
        if (version != null && !VERSION.equals(version)) throw new GridStackException(where + ": OME-NGFF version " + version + " is not supported (only " + VERSION + ")");
        Object name = j.get("name");
        List<Axis> axes = new ArrayList<>();
        for (Object a : list(j.get("axes"), "axes", where)) {
            if (!(a instanceof Map) || !(((Map<?, ?>) a).get("name") instanceof String)) {
                throw new GridStackException(where + ": axis " + a + " is not an object with a \"name\" (OME-NGFF 0.4 axes; older versions are not supported)");
            }
            Map<?, ?> aj = (Map<?, ?>) a;
            axes.add(new Axis((String) aj.get("name"), string(aj.get("type")), string(aj.get("unit"))));
        }
        int n = axes.size();
        double[][] global = transforms(j.get("coordinateTransformations"), n, false, where + ": the multiscale's coordinateTransformations");
        List<Dataset> datasets = new ArrayList<>();
        for (Object d : list(j.get("datasets"), "datasets", where)) {
            if (!(d instanceof Map) || !(((Map<?, ?>) d).get("path") instanceof String)) throw new GridStackException(where + ": dataset " + d + " has no \"path\"");
            Map<?, ?> dj = (Map<?, ?>) d;
            String path = (String) dj.get("path");
            double[][] t = transforms(dj.get("coordinateTransformations"), n, true, where + ": dataset \"" + path + "\"");
            double[] scale = t[0];
            double[] translation = t[1];
            if (global[0] != null || global[1] != null) {
                // x = g_scale * (d_scale * i + d_translation) + g_translation
                double[] gs = global[0];
                double[] gt = global[1];
                double[] s = new double[n];
                double[] tr = new double[n];
                for (int k = 0; k < n; k++) {
                    double g = gs == null ? 1 : gs[k];
                    s[k] = g * scale[k];
                    tr[k] = g * (translation == null ? 0 : translation[k]) + (gt == null ? 0 : gt[k]);
                }
                scale = s;
                translation = translation == null && gt == null ? null : tr;
            }
            datasets.add(new Dataset(path, scale, translation));
        }
        if (datasets.isEmpty()) throw new GridStackException(where + ": the multiscale has no datasets");
        return new Multiscale(name instanceof String ? (String) name : null, axes, datasets);
    }

    /** {scale, translation} from a list of transformations (either may be null); a dataset's must have a scale. */
    private static double[][] transforms(Object json, int axes, boolean scaleRequired, String where) {
        double[] scale = null;
        double[] translation = null;
        if (json != null) {
            for (Object t : list(json, "coordinateTransformations", where)) {
                if (!(t instanceof Map)) throw new GridStackException(where + ": transformation " + t + " is not an object");
                Map<?, ?> tj = (Map<?, ?>) t;
                Object type = tj.get("type");
                if ("identity".equals(type)) continue;
                if (!"scale".equals(type) && !"translation".equals(type)) throw new GridStackException(where + ": transformation type " + type + " is not allowed (only scale and translation)");
                String key = (String) type;
                if (tj.get(key) == null && tj.get("path") != null) throw new GridStackException(where + ": a " + key + " stored as binary data (\"path\") is not supported");
                double[] v = doubles(tj.get(key), axes, where + ": " + key);
                if (key.equals("scale")) {
                    if (scale != null) throw new GridStackException(where + ": more than one scale");
                    scale = v;
                } else {
                    if (translation != null) throw new GridStackException(where + ": more than one translation");
                    translation = v;
                }
            }
        }
        if (scaleRequired && scale == null) throw new GridStackException(where + " has no scale transformation");
        return new double[][] {scale, translation};
    }

    private static List<?> list(Object v, String key, String where) {
        if (!(v instanceof List)) throw new GridStackException(where + ": \"" + key + "\" must be a list, not " + v);
        return (List<?>) v;
    }

    private static double[] doubles(Object v, int n, String where) {
        if (!(v instanceof List) || ((List<?>) v).size() != n) throw new GridStackException(where + " " + v + " must be a list of " + n + " numbers, one per axis");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            Object x = ((List<?>) v).get(i);
            if (!(x instanceof Number)) throw new GridStackException(where + " " + v + " must be a list of " + n + " numbers, one per axis");
            out[i] = ((Number) x).doubleValue();
        }
        return out;
    }

    private static String string(Object o) {
        return o instanceof String ? (String) o : null;
    }
}
