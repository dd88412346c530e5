package org.gridstack.plugin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server for the slice files of a folder, {@code /slice_00000.tif ...}, that holds every request
 * from slice {@code firstHeld} on until it is closed: a fetch that hangs, at a moment the test knows of
 * ({@link #awaitHeld}).
 */
final class GatedSliceServer implements AutoCloseable {
    private final Path folder;
    private final int firstHeld;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gated-slice-server");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    GatedSliceServer(Path folder, int firstHeld) throws IOException {
        this.folder = folder;
        this.firstHeld = firstHeld;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::serve);
        server.setExecutor(threads);
        server.start();
    }

    /** The printf pattern of the slices' URLs. */
    String pattern() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/slice_%05d.tif";
    }

    /** Waits until a request is being held; false if none came within the timeout. */
    boolean awaitHeld(long seconds) throws InterruptedException {
        return held.await(seconds, TimeUnit.SECONDS);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring(1);
            Path file = folder.resolve(name);
            if (!name.matches("slice_\\d{5}\\.tif") || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (Integer.parseInt(name.substring(6, 11)) >= firstHeld) {
                held.countDown();
                open.await(10, TimeUnit.MINUTES);
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // the client gave up (it was stopped): nothing to answer
        }
    }

    @Override
    public void close() {
        open.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
