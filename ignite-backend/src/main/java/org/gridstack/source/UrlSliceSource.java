package org.gridstack.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.gridstack.array.Calibration;
import org.gridstack.base.GridStackException;

/**
 * One http(s) URL per slice, from a printf pattern over an index range. Each slice is fetched whole into memory and
 * then read like a file of the same bytes (a plain TIFF without Image I/O, see {@link ImagePages}).
 *
 * <p>Deadlines. Fetching a slice fails, with a message naming the URL and the deadline that passed, when:
 * <ul>
 * <li>no connection is made within {@code gridstack.url.connect.seconds} (default 10): the connect deadline;
 * <li>no byte arrives for {@code gridstack.url.read.seconds} (default 30), waiting for the response or within its
 * body: the read deadline;
 * <li>the whole slice (connection, response and body) is not in within {@code gridstack.url.slice.seconds} (default
 * 120): the per-slice deadline. It stops a server that trickles a byte now and then, which never trips the read
 * deadline, from holding a slice forever.
 * </ul>
 * The three are system properties (whole seconds, 1 or more) of the JVM that opens the stack, read when it is opened;
 * they travel with the stack to the nodes that read its slices.
 *
 * <p>The fetch runs asynchronously (the JDK's {@code java.net.http.HttpClient}) while the reading thread waits for it,
 * checking the deadlines. Interrupting the reading thread (as Ignite does to the jobs of a node that stops, or of an
 * operation cancelled) ends the wait at once: the request is cancelled, which closes its connection, and the slice
 * fails, so a node never waits on a slow server to stop.
 */
public final class UrlSliceSource implements SliceSource {
    private static final long serialVersionUID = 1L;
    static final String CONNECT_PROPERTY = "gridstack.url.connect.seconds";
    static final String READ_PROPERTY = "gridstack.url.read.seconds";
    static final String SLICE_PROPERTY = "gridstack.url.slice.seconds";
    static final int DEFAULT_CONNECT_SECONDS = 10, DEFAULT_READ_SECONDS = 30, DEFAULT_SLICE_SECONDS = 120;
    private static final Map<Integer, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private final SliceNamePattern pattern;
    private final int first;
    private final int count;
    private final int connectSeconds;
    private final int readSeconds;
    private final int sliceSeconds;
    private transient Calibration firstCalibration;

    UrlSliceSource(SliceNamePattern pattern, int first, int last) {
        this.pattern = pattern;
        this.first = first;
        this.count = last - first + 1;
        this.connectSeconds = seconds(CONNECT_PROPERTY, DEFAULT_CONNECT_SECONDS);
        this.readSeconds = seconds(READ_PROPERTY, DEFAULT_READ_SECONDS);
        this.sliceSeconds = seconds(SLICE_PROPERTY, DEFAULT_SLICE_SECONDS);
    }

    private static int seconds(String property, int otherwise) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) return otherwise;
        try {
            int s = Integer.parseInt(value.trim());
            if (s >= 1) return s;
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new GridStackException("-D" + property + "=" + value + " must be a whole number of seconds, 1 or more (default " + otherwise + ")");
    }

    @Override
    public int size() {
        return count;
    }

    String url(int t) {
        return pattern.name(first + t);
    }

    @Override
    public String where(int t) {
        return url(t) + " (slice " + t + ")";
    }

    /** Also keeps slice 0's calibration, so that {@link #calibration()} after it fetches nothing more. */
    @Override
    public SliceFormat probe() {
        return withPages(0, pages -> {
            firstCalibration = pages.stackInfo().calibration();
            return pages.format(0, where(0));
        });
    }

    @Override
    public SliceFormat format(int t) {
        return withPages(t, pages -> pages.format(0, where(t)));
    }

    @Override
    public Calibration calibration() {
        if (firstCalibration == null) firstCalibration = withPages(0, pages -> pages.stackInfo().calibration());
        return firstCalibration;
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

    private <R> R withPages(int t, PagesUse<R> use) {
        byte[] data = fetch(t);
        try (ImagePages pages = new ImagePages(TiffFile.Bytes.of(data),
                () -> new MemoryCacheImageInputStream(new ByteArrayInputStream(data)), where(t))) {
            return use.apply(pages);
        } catch (IOException e) {
            throw new GridStackException("cannot read " + where(t) + ": " + e.getMessage(), e);
        }
    }

    /** Slice t's bytes, within the deadlines; interruptible. */
    byte[] fetch(int t) {
        int connect = seconds(connectSeconds, DEFAULT_CONNECT_SECONDS), read = seconds(readSeconds, DEFAULT_READ_SECONDS),
                slice = seconds(sliceSeconds, DEFAULT_SLICE_SECONDS);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri(url(t))).timeout(Duration.ofSeconds(read)).GET().build();
        } catch (IllegalArgumentException | MalformedURLException | URISyntaxException e) {
            throw new GridStackException("cannot read " + where(t) + ": " + e.getMessage(), e);
        }
        Received received = new Received();
        long start = System.nanoTime(), sliceEnd = start + TimeUnit.SECONDS.toNanos(slice), readNanos = TimeUnit.SECONDS.toNanos(read);
        CompletableFuture<HttpResponse<byte[]>> response = client(connect).sendAsync(request, info -> {
            received.status = info.statusCode();
            received.last = System.nanoTime();
            received.headers = true;
            return info.statusCode() == 200 ? received.counting(BodySubscribers.ofByteArray()) : BodySubscribers.replacing(null);
        });
        while (true) {
            long now = System.nanoTime();
            if (now - sliceEnd >= 0) {
                response.cancel(true);
                throw new GridStackException(String.format(Locale.ROOT, "cannot read %s: not all of it came within %d s (the per-slice "
                        + "deadline, -D%s); %,d bytes came", where(t), slice, SLICE_PROPERTY, received.bytes.get()));
            }
            if (received.headers && now - (received.last + readNanos) >= 0) {
                response.cancel(true);
                throw readDeadline(t, read, received);
            }
            // before the headers, the request's own timeout is the read deadline; wake then to see whether they came
            long until = Math.min(sliceEnd, (received.headers ? received.last : start) + readNanos);
            try {
                HttpResponse<byte[]> r = response.get(Math.max(TimeUnit.MILLISECONDS.toNanos(10), until - now), TimeUnit.NANOSECONDS);
                if (r.statusCode() != 200) throw new GridStackException("HTTP " + r.statusCode() + " for " + where(t));
                return r.body();
            } catch (TimeoutException e) {
                // a deadline may have passed: checked above
            } catch (InterruptedException e) {
                response.cancel(true);
                Thread.currentThread().interrupt();
                throw new GridStackException("interrupted while reading " + where(t), e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof HttpConnectTimeoutException) {
                    throw new GridStackException("cannot read " + where(t) + ": no connection within " + connect
                            + " s (the connect deadline, -D" + CONNECT_PROPERTY + ")", cause);
                }
                if (cause instanceof HttpTimeoutException) throw readDeadline(t, read, received);
                throw new GridStackException("cannot read " + where(t) + ": " + cause, cause);
            }
        }
    }

    /** The URI of a URL as typed: as it is if it is a valid URI, else with its illegal characters (spaces, ...) quoted. */
    static URI uri(String url) throws MalformedURLException, URISyntaxException {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            URL u = new URL(url);
            return new URI(u.getProtocol(), u.getUserInfo(), u.getHost(), u.getPort(), u.getPath(), u.getQuery(), u.getRef());
        }
    }

    private GridStackException readDeadline(int t, int read, Received received) {
        return new GridStackException(String.format(Locale.ROOT, "cannot read %s: no data for %d s (the read deadline, -D%s); "
                + "%,d bytes came", where(t), read, READ_PROPERTY, received.bytes.get()));
    }

    private static int seconds(int value, int otherwise) {
        return value >= 1 ? value : otherwise; // 0: a source serialized before the deadlines were fields
    }

    /** One shared client per connect deadline (a client's setting); its threads are daemons. */
    private static HttpClient client(int connectSeconds) {
        return CLIENTS.computeIfAbsent(connectSeconds, s -> HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(s))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(ProxySelector.getDefault() != null ? ProxySelector.getDefault() : HttpClient.Builder.NO_PROXY)
                .version(HttpClient.Version.HTTP_1_1)
                .build());
    }

    /** What a fetch has received so far: the status, the body's bytes and when the last of them came. */
    private static final class Received {
        final AtomicLong bytes = new AtomicLong();
        volatile boolean headers;
        volatile int status;
        volatile long last;

        BodySubscriber<byte[]> counting(BodySubscriber<byte[]> body) {
            return new BodySubscriber<>() {
                @Override
                public CompletionStage<byte[]> getBody() {
                    return body.getBody();
                }

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    body.onSubscribe(subscription);
                }

                @Override
                public void onNext(List<ByteBuffer> items) {
                    for (ByteBuffer b : items) bytes.addAndGet(b.remaining());
                    last = System.nanoTime();
                    body.onNext(items);
                }

                @Override
                public void onError(Throwable error) {
                    body.onError(error);
                }

                @Override
                public void onComplete() {
                    body.onComplete();
                }
            };
        }
    }

    @Override
    public String describe() {
        return "URL pattern " + pattern + " [" + first + ".." + (first + count - 1) + "]";
    }
}
