package org.gridstack.source;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
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
        SliceFormat plain = withPlainTiff(0, (tiff, file) -> tiff.format);
        return plain != null ? plain : withReader(0, reader -> ImageDecoder.format(reader, 0, where(0)));
    }

    @Override
    public void read(int t0, int count, SliceFormat format, Object dest) {
        for (int i = 0; i < count; i++) {
            int t = t0 + i;
            int offset = i * format.pixels();
            Boolean plain = withPlainTiff(t, (tiff, file) -> {
                ImageDecoder.check(tiff.format, format, where(t));
                tiff.read(file, dest, offset, where(t));
                return true;
            });
            if (plain != null) continue;
            withReader(t, reader -> {
                ImageDecoder.decode(reader, 0, format, dest, offset, where(t));
                return null;
            });
        }
    }

    /** What {@code use} returns for slice t if it is a plain TIFF (see {@link PlainTiff}), else null. */
    private <R> R withPlainTiff(int t, PlainTiffUse<R> use) {
        File file = new File(paths.get(t));
        if (!file.isFile()) throw new GridStackException("missing file: " + where(t));
        try (FileChannel channel = PlainTiff.channel(file.toPath())) {
            PlainTiff tiff = PlainTiff.open(channel);
            return tiff == null ? null : use.apply(tiff, channel);
        } catch (IOException e) {
            throw new GridStackException("cannot read " + where(t) + ": " + e.getMessage(), e);
        }
    }

    private interface PlainTiffUse<R> {
        R apply(PlainTiff tiff, FileChannel file) throws IOException;
    }

    private <R> R withReader(int t, java.util.function.Function<ImageReader, R> use) {
        File file = new File(paths.get(t));
        if (!file.isFile()) throw new GridStackException("missing file: " + where(t));
        try (ImageInputStream in = new FileImageInputStream(file)) {
            ImageReader reader = ImageDecoder.open(in, where(t));
            try {
                return use.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new GridStackException("cannot read " + where(t) + ": " + e.getMessage(), e);
        }
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
