package dev.crawlcase.crawler.fetch;

import dev.crawlcase.sites.config.ContentCoding;
import dev.crawlcase.sites.server.BodyEncoder;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/** The HTTP routes of the contract tests, one behaviour per path. */
final class HttpScenarios {

    static final String PAGE = "<html><head><title>Caf\u00e9</title></head><body><a href=\"/a\">a</a></body></html>";
    static final String ROBOTS = "User-agent: *\nDisallow: /private\n";
    static final int BIG = 200_000;

    private static final Buffer BOMB = gzip(new byte[64 << 20]);
    private static final Buffer SMALL_GZIP = gzip(PAGE.getBytes(StandardCharsets.UTF_8));

    private static final Map<String, byte[]> ENCODED = new ConcurrentHashMap<>();

    private final Vertx vertx;

    HttpScenarios(Vertx vertx) {
        this.vertx = vertx;
    }

    void handle(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        if (request.path().startsWith("/coded/") || request.path().startsWith("/bomb/")) {
            coded(request);
            return;
        }
        switch (request.path()) {
            case "/accept-encoding" -> response.putHeader("Content-Type", "text/html")
                    .end(String.valueOf(request.getHeader("Accept-Encoding")));
            case "/wrong-br.html" -> response.putHeader("Content-Type", "text/html; charset=UTF-8")
                    .putHeader("Content-Encoding", "br").end(PAGE);
            case "/page.html" -> response.putHeader("Content-Type", "Text/HTML; charset=\"ISO-8859-1\"")
                    .end(Buffer.buffer(PAGE.getBytes(StandardCharsets.ISO_8859_1)));
            case "/xhtml" -> response.putHeader("Content-Type", "application/xhtml+xml").end(PAGE);
            case "/image.png" -> streamForever(response.putHeader("Content-Type", "image/png").setChunked(true));
            case "/redirect" -> response.setStatusCode(301).putHeader("Location", "../target?x=1").end();
            case "/missing" -> response.setStatusCode(404).putHeader("Content-Type", "text/html").end("<p>gone</p>");
            case "/busy" -> response.setStatusCode(503).putHeader("Retry-After", "120").end();
            case "/busy-date" -> response.setStatusCode(503).putHeader("Retry-After",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1))).end();
            case "/big.html" -> response.putHeader("Content-Type", "text/html").end(ScenarioServers.bytes(BIG, 'x'));
            case "/exact.html" -> response.putHeader("Content-Type", "text/html")
                    .end(ScenarioServers.bytes(FetcherContractTest.LIMITS.maxBodyBytes(), 'y'));
            case "/bomb.html" -> response.putHeader("Content-Type", "text/html")
                    .putHeader("Content-Encoding", "gzip").end(BOMB);
            case "/gzip.html" -> response.putHeader("Content-Type", "text/html; charset=UTF-8")
                    .putHeader("Content-Encoding", "gzip").end(SMALL_GZIP);
            case "/slow-head" -> { } // never answers
            case "/slow-body" -> response.putHeader("Content-Type", "text/html").setChunked(true).write("<html>");
            case "/lie" -> response.putHeader("Content-Type", "text/html").putHeader("Content-Length", "1000")
                    .write("<html>0123").onComplete(ar -> request.connection().close());
            case "/robots.txt" -> response.putHeader("Content-Type", "text/plain").end(ROBOTS);
            case "/big-robots.txt" -> response.putHeader("Content-Type", "text/plain")
                    .end(ScenarioServers.bytes(20_000, 'r'));
            default -> response.setStatusCode(404).end();
        }
    }

    /**
     * Encodes, once, the bodies of {@code /coded/CODING.html} (the page in that Content-Encoding) and
     * {@code /bomb/CODING.html} (64 MiB of zeros in it) with the fake sites' own encoder. Blocking: run it on a
     * worker before serving, so no request waits for a bomb to be made.
     */
    static void encodeAll() {
        for (ContentCoding coding : ContentCoding.values()) {
            ENCODED.computeIfAbsent("/coded/" + coding.token() + ".html",
                    path -> BodyEncoder.encode(PAGE.getBytes(StandardCharsets.UTF_8), coding));
            ENCODED.computeIfAbsent("/bomb/" + coding.token() + ".html",
                    path -> BodyEncoder.encode(new byte[64 << 20], coding));
        }
    }

    private static void coded(HttpServerRequest request) {
        String coding = request.path().replaceAll(".*/|\\.html$", "");
        request.response().putHeader("Content-Type", "text/html; charset=UTF-8")
                .putHeader("Content-Encoding", coding).end(Buffer.buffer(ENCODED.get(request.path())));
    }

    /** Writes 16 KiB chunks on a timer until the client goes away: only an aborting client ever finishes. */
    private void streamForever(HttpServerResponse response) {
        Buffer chunk = ScenarioServers.bytes(16 << 10, 'p');
        response.write(chunk);
        long timer = vertx.setPeriodic(5, id -> {
            if (!response.closed()) {
                response.write(chunk);
            }
        });
        response.closeHandler(v -> vertx.cancelTimer(timer));
    }

    private static Buffer gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(out.toByteArray());
    }
}
