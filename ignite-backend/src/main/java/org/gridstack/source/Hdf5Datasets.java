package org.gridstack.source;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;

/** Finds the dataset an {@link Hdf5Location} names in an open file, and the Grid Stack type of its values; says why not. */
final class Hdf5Datasets {
    private static final int MAX_DEPTH = 32;

    private Hdf5Datasets() {}

    /** The file, open; fails with one message if it is missing or not HDF5. */
    static HdfFile open(Hdf5Location where) {
        Path path = Path.of(where.file());
        if (!Files.isRegularFile(path)) throw new GridStackException("missing file: " + where.file());
        try {
            return new HdfFile(path);
        } catch (HdfException e) {
            throw new GridStackException(where.file() + " is not an HDF5 file (" + e.getMessage() + ")", e);
        }
    }

    /** The 3-D dataset {@code where} names, or the file's only 3-D dataset when it names none. */
    static Dataset find(HdfFile file, Hdf5Location where) {
        if (where.dataset() == null) {
            List<Dataset> all = datasets(file);
            List<Dataset> volumes = all.stream().filter(d -> d.getDimensions().length == 3).collect(Collectors.toList());
            if (volumes.size() == 1) return volumes.get(0);
            if (volumes.isEmpty()) throw new GridStackException(where.file() + " holds no 3-D dataset (" + listing(all) + ")");
            throw new GridStackException(where.file() + " holds " + volumes.size() + " 3-D datasets (" + listing(volumes)
                    + "): name one as " + where.file() + ":/path/to/dataset");
        }
        Node node;
        try {
            node = file.getByPath(where.dataset());
        } catch (HdfException e) {
            throw new GridStackException(where.file() + " has no dataset " + where.dataset() + " (" + listing(datasets(file)) + ")", e);
        }
        if (!(node instanceof Dataset)) {
            throw new GridStackException(where + " is a group, not a dataset (" + listing(datasets(file)) + ")");
        }
        Dataset d = (Dataset) node;
        if (d.getDimensions().length != 3) {
            throw new GridStackException(where + " is " + shape(d) + "; Grid Stack opens 3-D datasets, axes (t, y, x)");
        }
        return d;
    }

    /** Grid Stack's type for the dataset's values, or a failure naming what they are. */
    static DataType type(Dataset d, Hdf5Location where) {
        io.jhdf.object.datatype.DataType t = d.getDataType();
        String what;
        if (t instanceof FixedPoint) {
            FixedPoint f = (FixedPoint) t;
            int bits = f.getSize() * 8;
            if (!f.isSigned() && bits == 8) return DataType.UINT8;
            if (!f.isSigned() && bits == 16) return DataType.UINT16;
            if (f.isSigned() && bits == 16) return DataType.INT16;
            if (f.isSigned() && bits == 32) return DataType.INT32;
            what = (f.isSigned() ? "int" : "uint") + bits;
        } else if (t instanceof FloatingPoint) {
            int bits = t.getSize() * 8;
            if (bits == 32) return DataType.FLOAT32;
            if (bits == 64) return DataType.FLOAT64;
            what = "float" + bits;
        } else {
            what = t.getClass().getSimpleName().replace("DataType", "").toLowerCase(Locale.ROOT) + " values";
        }
        throw new GridStackException(where + " holds " + what + "; Grid Stack opens HDF5 uint8, uint16, int16, int32, float32 and float64");
    }

    private static String shape(Dataset d) {
        int[] dims = d.getDimensions();
        if (dims.length == 0) return "a scalar";
        return dims.length + "-D (" + Arrays.stream(dims).mapToObj(String::valueOf).collect(Collectors.joining(" x ")) + ")";
    }

    private static String listing(List<Dataset> datasets) {
        if (datasets.isEmpty()) return "it holds no dataset";
        return "datasets: " + datasets.stream().map(d -> d.getPath() + " " + shape(d)).collect(Collectors.joining(", "));
    }

    /** Every dataset in the file, depth first in the file's order. */
    private static List<Dataset> datasets(Group root) {
        List<Dataset> found = new ArrayList<>();
        collect(root, found, 0);
        return found;
    }

    private static void collect(Group group, List<Dataset> found, int depth) {
        if (depth > MAX_DEPTH) return;
        for (Node child : group) {
            if (child.isLink()) continue;
            if (child instanceof Dataset) found.add((Dataset) child);
            else if (child instanceof Group) collect((Group) child, found, depth + 1);
        }
    }
}
