package org.gridstack.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Locale;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.gridstack.base.GridStackException;

/** One http(s) URL per slice, from a printf pattern over an index range. */
public final class UrlSliceSource implements SliceSource {
    private static final long serialVersionUID = 1L;
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    private final String pattern;
    private final int first;
    private final int count;

    public UrlSliceSource(String pattern, int first, int last) {
        this.pattern = pattern;
        this.first = first;
        this.count = last - first + 1;
    }

    @Override
    public int size() {
        return count;
    }

    String url(int t) {
        return String.format(Locale.ROOT, pattern, first + t);
    }

    @Override
    public String where(int t) {
        return url(t) + " (slice " + t + ")";
    }

    @Override
    public SliceFormat probe() {
        return withPages(0, pages -> pages.format(0, where(0)));
    }

    @Override
    public void read(int t0, int count, SliceFormat format, Object dest) {
        for (int i = 0; i < count; i++) {
            int t = t0 + i, offset = i * format.pixels();
            withPages(t, pages -> {
                pages.read(0, format, dest, offset, where(t));
                return null;
            });
        }
    }

    private interface PagesUse<R> {
        R apply(ImagePages pages) throws IOException;
    }

    /** Slice t fetched whole, then read like a file of the same bytes (a plain TIFF without Image I/O). */
    private <R> R withPages(int t, PagesUse<R> use) {
        byte[] data = fetch(t);
        try (ImagePages pages = new ImagePages(TiffFile.Bytes.of(data),
                () -> new MemoryCacheImageInputStream(new ByteArrayInputStream(data)), where(t))) {
            return use.apply(pages);
        } catch (IOException e) {
            throw new GridStackException("cannot read " + where(t) + ": " + e.getMessage(), e);
        }
    }

    private byte[] fetch(int t) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(url(t)).openConnection();
            c.setConnectTimeout(CONNECT_TIMEOUT_MS);
            c.setReadTimeout(READ_TIMEOUT_MS);
            int status = c.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                c.disconnect();
                throw new GridStackException("HTTP " + status + " for " + where(t));
            }
            try (InputStream in = c.getInputStream()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new GridStackException("cannot read " + where(t) + ": " + e, e);
        }
    }

    @Override
    public String describe() {
        return "URL pattern " + pattern + " [" + first + ".." + (first + count - 1) + "]";
    }
}
