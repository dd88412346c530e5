package org.gridstack.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.gridstack.GridStack;
import org.gridstack.TestGrid;
import org.gridstack.base.GridStackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * URL slices under slow servers, with a real HTTP server on loopback: one that trickles a byte a second (which no read
 * timeout catches) trips the per-slice deadline within its time plus a couple of seconds; one that sends nothing trips
 * the read deadline; an interrupted reader stops at once and the server sees its connection closed. Each message names
 * the URL and the deadline.
 */
class UrlDeadlinesTest {
    private HttpServer server;
    private ExecutorService executor;
    private final CountDownLatch trickleEnded = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/trickle/", exchange -> {
            try {
                exchange.sendResponseHeaders(200, 100_000);
                OutputStream out = exchange.getResponseBody();
                for (int i = 0; i < 60; i++) { // at most a minute
                    out.write('I');
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (IOException | InterruptedException e) {
                // the client went away (or the test ended)
            } finally {
                trickleEnded.countDown();
                exchange.close();
            }
        });
        server.createContext("/silent/", exchange -> {
            try {
                exchange.sendResponseHeaders(200, 100_000);
                exchange.getResponseBody().flush();
                Thread.sleep(60_000);
            } catch (IOException | InterruptedException e) {
                // done
            } finally {
                exchange.close();
            }
        });
        server.createContext("/mute/", exchange -> {
            try {
                Thread.sleep(60_000); // never answers
            } catch (InterruptedException e) {
                // done
            } finally {
                exchange.close();
            }
        });
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
        for (String p : new String[] {UrlSliceSource.CONNECT_PROPERTY, UrlSliceSource.READ_PROPERTY, UrlSliceSource.SLICE_PROPERTY}) {
            System.clearProperty(p);
        }
    }

    private String base(String context) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + context + "/";
    }

    private static UrlSliceSource source(String pattern, Map<String, String> properties) {
        properties.forEach(System::setProperty);
        try {
            return new UrlSliceSource(SliceNamePattern.of(pattern), 0, 3);
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Test
    void aTricklingServerTripsThePerSliceDeadline() {
        UrlSliceSource src = source(base("trickle") + "s%d.tif", Map.of(UrlSliceSource.READ_PROPERTY, "10", UrlSliceSource.SLICE_PROPERTY, "3"));
        long start = System.nanoTime();
        GridStackException e = assertThrows(GridStackException.class, src::probe);
        double took = seconds(start);
        assertTrue(took >= 2.9 && took < 5.0, "per-slice deadline of 3 s fired after " + took + " s");
        String m = e.getMessage();
        assertTrue(m.startsWith("cannot read " + base("trickle") + "s0.tif (slice 0): not all of it came within 3 s (the per-slice "
                + "deadline, -Dgridstack.url.slice.seconds);"), m);
        assertTrue(m.endsWith(" bytes came") && !m.contains(" 0 bytes came"), m);
    }

    @Test
    void aSilentServerTripsTheReadDeadline() {
        for (String context : new String[] {"silent", "mute"}) {
            UrlSliceSource src = source(base(context) + "s%d.tif", Map.of(UrlSliceSource.READ_PROPERTY, "2"));
            long start = System.nanoTime();
            String m = assertThrows(GridStackException.class, () -> src.read(2, 1, new SliceFormat(4, 4, org.gridstack.array.DataType.UINT8),
                    new byte[16])).getMessage();
            double took = seconds(start);
            assertTrue(took >= 1.9 && took < 4.0, context + ": read deadline of 2 s fired after " + took + " s");
            assertTrue(m.startsWith("cannot read " + base(context) + "s2.tif (slice 2): no data for 2 s (the read deadline, "
                    + "-Dgridstack.url.read.seconds)"), m);
        }
    }

    /** Interrupting the reading thread (as stopping a node does to its jobs) ends the fetch at once and closes the connection. */
    @Test
    void anInterruptedReadStopsAtOnce() throws Exception {
        UrlSliceSource src = source(base("trickle") + "s%d.tif", Map.of());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                src.probe();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        reader.start();
        Thread.sleep(1500);
        long start = System.nanoTime();
        reader.interrupt();
        reader.join(5000);
        assertTrue(!reader.isAlive() && seconds(start) < 1.0, "the reader took " + seconds(start) + " s to stop");
        assertEquals("interrupted while reading " + base("trickle") + "s0.tif (slice 0)", failure.get().getMessage());
        assertTrue(trickleEnded.await(5, TimeUnit.SECONDS), "the server still writes to the abandoned connection");
    }

    @Test
    void badDeadlinePropertiesAreRefusedNamingThem() {
        String m = assertThrows(GridStackException.class, () -> source(base("trickle") + "s%d.tif",
                Map.of(UrlSliceSource.SLICE_PROPERTY, "0"))).getMessage();
        assertEquals("-Dgridstack.url.slice.seconds=0 must be a whole number of seconds, 1 or more (default 120)", m);
    }

    @Test
    void urlsWithSpacesAreQuotedAndEscapesKept() throws Exception {
        assertEquals("http://h:8/a%20b/s%201.tif", UrlSliceSource.uri("http://h:8/a b/s 1.tif").toASCIIString());
        assertEquals("http://h/a%20b/s1.tif?x=1", UrlSliceSource.uri("http://h/a%20b/s1.tif?x=1").toASCIIString());
    }

    /** The same through the grid: open reads slice 0 and fails within the per-slice deadline, naming it. */
    @Test
    void openingATricklingStackFailsWithinTheDeadline() {
        GridStack grid = TestGrid.grid();
        System.setProperty(UrlSliceSource.SLICE_PROPERTY, "2");
        long start = System.nanoTime();
        GridStackException e = assertThrows(GridStackException.class, () -> grid.open("trickled", base("trickle") + "s%d.tif", 0, 3, 0));
        double took = seconds(start);
        assertTrue(took < 4.5, "took " + took + " s");
        assertTrue(e.getMessage().contains(base("trickle") + "s0.tif") && e.getMessage().contains("per-slice deadline"), e.getMessage());
    }
}
