package org.gridstack.bench;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.gridstack.sample.SyntheticStack;

/**
 * The scale bench's generator: writes the missing slices among the first {@code count} of the synthetic stack
 * {@code SyntheticStack(frames, height, width, seed)} into {@code dir}, on several threads. Each file holds the
 * same bytes as {@link SyntheticStack#writeTiffs} writes for that slice (same frame, same ImageIO TIFF writer);
 * it is written under a hidden name and renamed when complete, so a present {@code slice_%05d.tif} is whole.
 * A slice's pixels depend on {@code frames}, so the first N slices of the 10,000-slice seed stack are not a
 * stack generated with N frames.
 * Usage: ScaleBenchStack dir frames height width count [threads [seed]]
 */
public final class ScaleBenchStack {
    private ScaleBenchStack() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: ScaleBenchStack dir frames height width count [threads [seed]]");
            System.exit(2);
        }
        Path dir = Paths.get(args[0]);
        int frames = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        int width = Integer.parseInt(args[3]);
        int count = Integer.parseInt(args[4]);
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : Runtime.getRuntime().availableProcessors();
        long seed = args.length > 6 ? Long.parseLong(args[6]) : 42;
        if (count < 1 || count > frames) throw new IllegalArgumentException("count " + count + " is not in 1.." + frames);
        SyntheticStack stack = new SyntheticStack(frames, height, width, seed);
        Files.createDirectories(dir);

        List<Integer> missing = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            if (!Files.isRegularFile(slice(dir, t))) missing.add(t);
        }
        if (missing.isEmpty()) {
            System.out.printf(Locale.ROOT, "generate: the first %d slices are all in %s%n", count, dir);
            return;
        }
        System.out.printf(Locale.ROOT, "generate: %d of the first %d slices of %d x %d x %d (seed %d) into %s on %d threads%n",
                missing.size(), count, frames, height, width, seed, dir, threads);
        long t0 = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, missing.size() / 10);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
                    byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                    ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
                    try {
                        for (int i1 = next.getAndIncrement(); i1 < missing.size(); i1 = next.getAndIncrement()) {
                            int t = missing.get(i1);
                            System.arraycopy(stack.frame(t), 0, target, 0, target.length);
                            Path file = slice(dir, t);
                            Path part = dir.resolve("." + file.getFileName() + ".part");
                            Files.deleteIfExists(part);
                            try (ImageOutputStream out = ImageIO.createImageOutputStream(part.toFile())) {
                                writer.setOutput(out);
                                writer.write(image);
                            }
                            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                            int n = done.incrementAndGet();
                            if (n % step == 0 || n == missing.size()) {
                                double s = (System.nanoTime() - t0) / 1e9;
                                System.out.printf(Locale.ROOT, "generate: %d/%d slices, %.0f s, %.0f MB/s%n",
                                        n, missing.size(), s, n * (double) height * width / 1e6 / s);
                            }
                        }
                    } catch (IOException e) {
                        next.set(missing.size()); // the other threads stop after their current slice
                        throw new UncheckedIOException(e);
                    } catch (RuntimeException | Error e) {
                        next.set(missing.size());
                        throw e;
                    } finally {
                        writer.dispose();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) worker.get();
        } finally {
            pool.shutdownNow();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "generate: %d slices (%.2f GB) in %.1f s: %.3f s per slice%n",
                missing.size(), missing.size() * (double) height * width / 1e9, s, s / missing.size());
    }

    private static Path slice(Path dir, int t) {
        return dir.resolve(String.format(Locale.ROOT, SyntheticStack.FILE_PATTERN, t));
    }
}
