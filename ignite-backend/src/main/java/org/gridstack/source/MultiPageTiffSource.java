package org.gridstack.source;

import java.io.File;
import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.gridstack.base.GridStackException;

/** Pages [first, last] of one multi-page TIFF file, one slice per page. */
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

    /** Number of pages in a TIFF (or other image) file; walks the IFD chain, reads no pixels. */
    public static int pageCount(String path) {
        try (ImageInputStream in = new FileImageInputStream(new File(path))) {
            ImageReader reader = ImageDecoder.open(in, path);
            try {
                return reader.getNumImages(true);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new GridStackException("corrupt image: " + path + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public String where(int t) {
        return path + ", page " + (first + t) + " (slice " + t + ")";
    }

    @Override
    public SliceFormat probe() {
        try (ImageInputStream in = open()) {
            ImageReader reader = ImageDecoder.open(in, where(0));
            try {
                return ImageDecoder.format(reader, first, where(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new GridStackException("cannot read " + where(0) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void read(int t0, int count, SliceFormat format, Object dest) {
        try (ImageInputStream in = open()) {
            ImageReader reader = ImageDecoder.open(in, path);
            try {
                for (int i = 0; i < count; i++) {
                    ImageDecoder.decode(reader, first + t0 + i, format, dest, i * format.pixels(), where(t0 + i));
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new GridStackException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private ImageInputStream open() throws IOException {
        File file = new File(path);
        if (!file.isFile()) throw new GridStackException("missing file: " + path);
        return new FileImageInputStream(file);
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
