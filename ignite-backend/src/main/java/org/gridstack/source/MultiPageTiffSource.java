package org.gridstack.source;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import javax.imageio.stream.FileImageInputStream;
import org.gridstack.array.Calibration;
import org.gridstack.base.GridStackException;

/**
 * Pages [first, last] of one multi-page TIFF or BigTIFF file, one slice per page, of any type Grid Stack reads: plain
 * pages straight from their strips, others (compressed, tiled) through Image I/O (see {@link ImagePages}).
 */
public final class MultiPageTiffSource implements SliceSource {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final int first;
    private final int count;

    public MultiPageTiffSource(String path, int first, int last) {
        this.path = path;
        this.first = first;
        this.count = last - first + 1;
    }

    /** Number of pages in a TIFF (or other image) file; walks the directory chain, reads no pixels. */
    public static int pageCount(String path) {
        return with(path, path, ImagePages::pageCount);
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public String where(int t) {
        return path + ", page " + (first + t) + " (slice " + t + ")";
    }

    /** Also fails if the file says its pages are more than one axis (see {@link TiffStackInfo#requireOneAxis}). */
    @Override
    public SliceFormat probe() {
        return with(path, where(0), pages -> {
            pages.stackInfo().requireOneAxis(path);
            return pages.format(first, where(0));
        });
    }

    @Override
    public SliceFormat format(int t) {
        return with(path, where(t), pages -> pages.format(first + t, where(t)));
    }

    @Override
    public void checkFormats(SliceFormat expect) {
        with(path, path, pages -> {
            for (int t = 1; t < count; t++) ImageDecoder.check(pages.format(first + t, where(t)), expect, where(t));
            return null;
        });
    }

    @Override
    public Calibration calibration() {
        return with(path, path, pages -> pages.stackInfo().calibration());
    }

    @Override
    public void read(int t0, int count, SliceFormat format, Object dest) {
        with(path, path, pages -> {
            for (int i = 0; i < count; i++) pages.read(first + t0 + i, format, dest, i * format.pixels(), where(t0 + i));
            return null;
        });
    }

    private interface PagesUse<R> {
        R apply(ImagePages pages) throws IOException;
    }

    private static <R> R with(String path, String where, PagesUse<R> use) {
        File file = new File(path);
        if (!file.isFile()) throw new GridStackException("missing file: " + path);
        try (FileChannel channel = PlainTiff.channel(file.toPath());
                ImagePages pages = new ImagePages(TiffFile.Bytes.of(channel), () -> new FileImageInputStream(file), path)) {
            return use.apply(pages);
        } catch (IOException e) {
            throw new GridStackException("cannot read " + where + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isLocalFiles() {
        return true;
    }

    @Override
    public String describe() {
        return "multi-page TIFF " + path + " [pages " + first + ".." + (first + count - 1) + "]";
    }
}
