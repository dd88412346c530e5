package org.gridstack.source;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gridstack.base.GridStackException;

/**
 * Turns what a user types as "source" into a {@link SliceSource}: an http(s) URL pattern, a printf file pattern
 * ({@code slice_%05d.tif}), a folder of images, or one (multi-page) TIFF. {@code first}/{@code last} select an
 * index range (pattern) or a sub-range of the folder's files / the file's pages; {@code last < 0} means "to the end".
 */
public final class StackSources {
    private static final List<String> IMAGE_SUFFIXES = Arrays.asList(".tif", ".tiff", ".png", ".jpg", ".jpeg");
    private static final int MAX_PATTERN_SCAN = 10_000_000;

    private StackSources() {}

    public static SliceSource of(String source, int first, int last) {
        if (source == null || source.isBlank()) throw new GridStackException("source is empty: give a folder, a file pattern, a URL pattern or a TIFF file");
        source = source.trim();
        if (first < 0) throw new GridStackException("first (" + first + ") must be 0 or more");
        if (last >= 0 && last < first) throw new GridStackException("last (" + last + ") is before first (" + first + ")");
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            SliceNamePattern urls = SliceNamePattern.of(source);
            if (last < 0) throw new GridStackException("a URL pattern needs last: the index of the last slice");
            return new UrlSliceSource(urls, first, last);
        }
        if (source.contains("%")) return filePattern(source, first, last);
        File file = new File(source);
        if (file.isDirectory()) return folder(file, first, last);
        if (file.isFile()) {
            int pages = MultiPageTiffSource.pageCount(source);
            return new MultiPageTiffSource(source, first, checkedLast(first, last, pages, "pages in " + source));
        }
        throw new GridStackException("no such file or folder: " + source);
    }

    private static SliceSource filePattern(String source, int first, int last) {
        SliceNamePattern pattern = SliceNamePattern.of(source);
        List<String> paths = new ArrayList<>();
        int end = last >= 0 ? last : first + MAX_PATTERN_SCAN;
        for (int i = first; i <= end; i++) {
            String path = pattern.name(i);
            if (!new File(path).isFile()) {
                if (last < 0 && i > first) {
                    requireNoSlicesAfterGap(pattern, i, path);
                    break;
                }
                throw new GridStackException("missing file: " + path + " (index " + i + " of pattern " + pattern + ")");
            }
            paths.add(path);
        }
        return new FileSliceSource(paths, "pattern " + pattern + " [" + first + ".." + (first + paths.size() - 1) + "]");
    }

    /** How far past the end of a pattern opened "to the end" to look for slices left out by a gap. */
    private static final int GAP_LOOKAHEAD = 1000;

    /** "To the end" must not silently stop at a missing slice that has slices after it. */
    private static void requireNoSlicesAfterGap(SliceNamePattern pattern, int missing, String missingPath) {
        for (int i = missing + 1; i <= missing + GAP_LOOKAHEAD; i++) {
            String path = pattern.name(i);
            if (new File(path).isFile()) {
                throw new GridStackException("missing file: " + missingPath + " (index " + missing + " of pattern " + pattern
                        + "), but " + path + " exists after it: give last=" + (missing - 1) + " to open up to the gap");
            }
        }
    }

    private static SliceSource folder(File dir, int first, int last) {
        String[] names = dir.list((d, n) -> !n.startsWith(".") && isImageName(n) && new File(d, n).isFile());
        if (names == null || names.length == 0) {
            throw new GridStackException("folder " + dir + " contains no TIFF, PNG or JPEG images");
        }
        Arrays.sort(names, NaturalOrder.INSTANCE);
        int lastIndex = checkedLast(first, last, names.length, "images in folder " + dir);
        List<String> paths = new ArrayList<>();
        for (int i = first; i <= lastIndex; i++) paths.add(new File(dir, names[i]).getPath());
        return new FileSliceSource(paths, "folder " + dir);
    }

    private static int checkedLast(int first, int last, int available, String what) {
        if (first >= available) {
            throw new GridStackException("first (" + first + ") is beyond the " + available + " " + what + " (0.." + (available - 1) + ")");
        }
        if (last >= available) {
            throw new GridStackException("last (" + last + ") is beyond the " + available + " " + what + " (0.." + (available - 1) + ")");
        }
        return last < 0 ? available - 1 : last;
    }

    static boolean isImageName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return IMAGE_SUFFIXES.stream().anyMatch(n::endsWith);
    }
}
