package dev.crawlcase.crawler.fetch;

import com.sun.net.httpserver.HttpServer;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Runs a fresh {@link FetchWorker}'s fetch path once before it says it is ready: a gzipped page from a server of
 * its own on 127.0.0.1, port 0. A new JVM loads and links the JDK client, its selector thread and the decoders on
 * its first request, which on a busy machine takes longer than a short first-byte timeout: without this, the
 * crawl's first task on each worker timed out after the site had answered, and was fetched again. The warm-up
 * client adds none of the crawl's request controls (a proxy would count the request) and its own generous
 * timeouts; its cost lands in the pool's start, before the first lease, where the rung's cost belongs.
 */
final class WorkerWarmUp {
    /** Long enough for the slowest start on a loaded machine; a worker that cannot warm up in this is not ready. */
    private static final int TIMEOUT_MS = 60_000;
    private static final int ROUNDS = 5;
    private static final byte[] PAGE = ("<!doctype html><html><head><title>warm</title></head><body>"
            + "<a href=\"/next\">next</a></body></html>").getBytes(StandardCharsets.UTF_8);

    private WorkerWarmUp() {
    }

    /** Fetches the warm-up page {@link #ROUNDS} times with {@code limits}' version and trust; throws if it fails. */
    static void run(FetchLimits limits) throws IOException {
        byte[] gzipped = gzip(PAGE);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, gzipped.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(gzipped);
            }
        });
        server.start();
        FetchLimits warm = new FetchLimits(TIMEOUT_MS, TIMEOUT_MS, TIMEOUT_MS, limits.maxBodyBytes(),
                limits.maxRobotsBytes(), limits.userAgent(), false, false, limits.trust(), limits.httpVersion());
        try (BlockingFetcher fetcher = new BlockingFetcher(warm, 1)) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/warm";
            for (int i = 0; i < ROUNDS; i++) {
                FetchResult result = fetcher.fetch(new FetchTask(0, url, 0, 1, 0, FetchTask.Kind.PAGE));
                if (result.error() != null || result.status() != 200 || result.bytes() != PAGE.length) {
                    throw new IOException("the warm-up fetch failed: " + (result.error() != null ? result.error()
                            : "status " + result.status() + ", " + result.bytes() + " bytes"));
                }
            }
        } finally {
            server.stop(0);
        }
    }

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // in memory: no I/O to fail
        }
        return out.toByteArray();
    }
}
