package org.gridstack.source;

import java.io.IOException;
import java.util.concurrent.Callable;
import javax.imageio.stream.ImageInputStream;
import org.gridstack.base.GridStackException;

/**
 * The pages of one image (a file, or bytes fetched from a URL), read the fastest way each allows: a plain TIFF or
 * BigTIFF page straight from its strips ({@link PlainTiff}), anything else through Image I/O ({@link ImageDecoder},
 * opened only when a page needs it). Pages are counted as Image I/O counts them, from 0.
 */
final class ImagePages implements AutoCloseable {
    private final TiffFile.Bytes bytes;
    private final Callable<ImageInputStream> stream;
    private final String name;
    private TiffFile tiff;
    private boolean probed;
    private ImageInputStream in;
    private ImageDecoder decoder;

    /** {@code stream}: opens the same bytes for Image I/O; {@code name}: the file or URL, for messages. */
    ImagePages(TiffFile.Bytes bytes, Callable<ImageInputStream> stream, String name) {
        this.bytes = bytes;
        this.stream = stream;
        this.name = name;
    }

    int pageCount() throws IOException {
        TiffFile t = tiff();
        return t != null ? t.pageCount() : decoder().pageCount(name);
    }

    /** The format of page {@code page}; {@code where} names it in messages. */
    SliceFormat format(int page, String where) throws IOException {
        PlainTiff plain = plain(page, where);
        return plain != null ? plain.format : decoder().format(page, where);
    }

    /** Reads page {@code page}, which must have format {@code expect}, into dest at element {@code offset}. */
    void read(int page, SliceFormat expect, Object dest, int offset, String where) throws IOException {
        PlainTiff plain = plain(page, where);
        if (plain != null) {
            ImageDecoder.check(plain.format, expect, where);
            plain.read(bytes, dest, offset, where);
        } else {
            decoder().decode(page, expect, dest, offset, where);
        }
    }

    /**
     * Reads rows [row0, row0 + rows) of page {@code page} (format {@code expect}) into dest at element {@code offset}:
     * only those rows' bytes from a plain TIFF, the whole page otherwise.
     */
    void readRows(int page, SliceFormat expect, int row0, int rows, Object dest, int offset, String where) throws IOException {
        PlainTiff plain = plain(page, where);
        if (plain != null) {
            ImageDecoder.check(plain.format, expect, where);
            plain.readRows(bytes, row0, rows, dest, offset, where);
            return;
        }
        Object whole = expect.type().allocate(expect.pixels());
        decoder().decode(page, expect, whole, 0, where);
        System.arraycopy(whole, row0 * expect.width(), dest, offset, rows * expect.width());
    }

    /** What the first page says of the stack (nothing when the image is not a TIFF). */
    TiffStackInfo stackInfo() throws IOException {
        TiffFile t = tiff();
        return t == null ? TiffStackInfo.NONE : TiffStackInfo.of(t.page(0));
    }

    private PlainTiff plain(int page, String where) throws IOException {
        TiffFile t = tiff();
        return t == null ? null : PlainTiff.of(t, t.page(page), where);
    }

    private TiffFile tiff() throws IOException {
        if (!probed) {
            tiff = TiffFile.open(bytes, name);
            probed = true;
        }
        return tiff;
    }

    private ImageDecoder decoder() throws IOException {
        if (decoder == null) {
            try {
                in = stream.call();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
            if (in == null) throw new GridStackException("cannot read " + name);
            decoder = ImageDecoder.open(in, name);
        }
        return decoder;
    }

    @Override
    public void close() throws IOException {
        try {
            if (decoder != null) decoder.close();
        } finally {
            if (in != null) in.close();
        }
    }
}
