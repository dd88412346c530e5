package org.gridstack.source;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.stream.FileImageInputStream;
import org.gridstack.array.Calibration;
import org.gridstack.base.GridStackException;

/** One image file per slice: a folder's images in natural order, or a printf pattern over an index range. */
public final class FileSliceSource implements SliceSource {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> paths;
    private final String description;

    public FileSliceSource(List<String> paths, String description) {
        if (paths.isEmpty()) throw new GridStackException("no slices in " + description);
        this.paths = new ArrayList<>(paths);
        this.description = description;
    }

    @Override
    public int size() {
        return paths.size();
    }

    @Override
    public String where(int t) {
        return paths.get(t) + " (slice " + t + ")";
    }

    @Override
    public SliceFormat probe() {
        return format(0);
    }

    @Override
    public SliceFormat format(int t) {
        return withPages(t, pages -> pages.format(0, where(t)));
    }

    @Override
    public Calibration calibration() {
        return withPages(0, pages -> pages.stackInfo().calibration());
    }

    @Override
    public void read(int t0, int count, SliceFormat format, Object dest) {
        for (int i = 0; i < count; i++) {
            int t = t0 + i;
            withPages(t, pages -> {
                pages.read(0, format, dest, (t - t0) * format.pixels(), where(t));
                return null;
            });
        }
    }

    @Override
    public void readRows(int t, int row0, int rows, SliceFormat format, Object dest, int offset) {
        withPages(t, pages -> {
            pages.readRows(0, format, row0, rows, dest, offset, where(t));
            return null;
        });
    }

    /** What {@code use} returns for slice t's file (a plain TIFF is read without Image I/O, see {@link ImagePages}). */
    private <R> R withPages(int t, PagesUse<R> use) {
        File file = new File(paths.get(t));
        if (!file.isFile()) throw new GridStackException("missing file: " + where(t));
        try (FileChannel channel = PlainTiff.channel(file.toPath());
                ImagePages pages = new ImagePages(TiffFile.Bytes.of(channel), () -> new FileImageInputStream(file), where(t))) {
            return use.apply(pages);
        } catch (IOException e) {
            throw new GridStackException("cannot read " + where(t) + ": " + e.getMessage(), e);
        }
    }

    private interface PagesUse<R> {
        R apply(ImagePages pages) throws IOException;
    }

    @Override
    public boolean isLocalFiles() {
        return true;
    }

    @Override
    public String describe() {
        return description + " (" + paths.size() + " files)";
    }
}
