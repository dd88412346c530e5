package org.gridstack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1, an ephemeral port, serving the files of one folder under /files/; 404 otherwise. */
final class TestHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    final AtomicInteger requests = new AtomicInteger();

    TestHttpServer(Path root) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/files/", exchange -> {
            requests.incrementAndGet();
            try {
                String name = exchange.getRequestURI().getPath().substring("/files/".length());
                Path file = root.resolve(name).normalize();
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** URL of /files/ with a trailing slash, e.g. http://127.0.0.1:40123/files/ */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/files/";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
