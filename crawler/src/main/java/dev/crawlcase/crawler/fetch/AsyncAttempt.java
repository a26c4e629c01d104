package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchPhases;
import dev.crawlcase.crawler.task.FetchResult;

import dev.crawlcase.crawler.task.FetchTask;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.BooleanSupplier;
import java.util.Map;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One non-blocking GET: request, head, capped body. The first-byte and total deadlines are two timers that reset
 * the request; which one fired names the error. All state is touched only on the caller's Vert.x context.
 */
final class AsyncAttempt {

    private final Vertx vertx;
    private final HttpClient client;
    private final FetchLimits limits;
    private final FetchTask task;
    private final InetAddress pinned;
    private final CookieJar cookies;
    private final BooleanSupplier acting;
    private final URI uri;
    private final long startNanos = System.nanoTime();
    private HttpClientRequest request;
    private ResponseHead head;
    private ErrorKind expired;
    private boolean done;
    private long firstByteTimer;
    private long totalTimer;
    /** When the client handed over a connection (new or pooled) and the response head arrived; -1 until then. */
    private long connectedNanos = -1;
    private long firstByteNanos = -1;

    /**
     * @param pinned  the address a remote guard judged, to connect to instead of resolving again; or null
     * @param cookies the crawl's cookie jar, or null when it keeps none
     * @param acting  whether the node may still send (checked once the connection is there, right before the
     *                request goes out: a node frozen while it connected must not send once it wakes)
     */
    AsyncAttempt(Vertx vertx, HttpClient client, FetchLimits limits, FetchTask task, InetAddress pinned,
                 CookieJar cookies, BooleanSupplier acting) {
        this.pinned = pinned;
        this.acting = acting;
        this.cookies = cookies;
        this.vertx = vertx;
        this.client = client;
        this.limits = limits;
        this.task = task;
        this.uri = URI.create(task.url());
    }

    Future<FetchResult> run() {
        totalTimer = vertx.setTimer(limits.totalTimeoutMs(), id -> expire(ErrorKind.TIMEOUT_TOTAL));
        firstByteTimer = vertx.setTimer(limits.firstByteTimeoutMs(), id -> expire(ErrorKind.TIMEOUT_FIRST_BYTE));
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(task.url())
                .setFollowRedirects(false)
                .setConnectTimeout(limits.connectTimeoutMs())
                .putHeader(HttpHeaders.USER_AGENT, limits.userAgent())
                .putHeader(HttpHeaders.ACCEPT_ENCODING, BodyDecoder.ACCEPT_ENCODING);
        limits.request().headersFor(uri).forEach(h -> options.putHeader(h.getKey(), h.getValue()));
        String cookie = cookies == null ? null : cookies.cookieHeader(uri);
        if (cookie != null) {
            options.putHeader(HttpHeaders.COOKIE, cookie);
        }
        InetSocketAddress loopback = LoopbackGuard.unresolvedLoopback(task.url());
        if (loopback != null) {
            // connect to the address literal, never resolving the name; the Host header still names the URL's host
            options.setServer(SocketAddress.inetSocketAddress(loopback.getPort(), loopback.getHostString()));
        } else if (pinned != null) {
            // the Host header and TLS name stay the URL's host
            options.setServer(SocketAddress.inetSocketAddress(LoopbackGuard.port(task.url()), pinned.getHostAddress()));
        }
        return client.request(options)
                .compose(this::send)
                .compose(this::readBody)
                .recover(error -> Future.succeededFuture(FetchResult.failure(kindOf(error), elapsed())))
                .map(result -> result.withPhases(new FetchPhases(phaseMs(connectedNanos), phaseMs(firstByteNanos))))
                .onComplete(ar -> finish());
    }

    private Future<HttpClientResponse> send(HttpClientRequest req) {
        connectedNanos = System.nanoTime();
        request = req;
        if (expired != null) {
            req.reset();
            return Future.failedFuture(new TimeoutException(expired.label()));
        }
        if (!acting.getAsBoolean()) {
            req.reset();
            return Future.failedFuture(new IllegalStateException("not sent: this node stopped acting"));
        }
        return req.send();
    }

    private Future<FetchResult> readBody(HttpClientResponse response) {
        firstByteNanos = System.nanoTime();
        vertx.cancelTimer(firstByteTimer);
        // failures of the body arrive through end(); without a handler Vert.x would also log each one as an error
        response.exceptionHandler(ignored -> { });
        if (!Framing.valid(response.headers().getAll("Content-Length"), response.headers().getAll("Transfer-Encoding"))) {
            request.reset();
            return Future.succeededFuture(FetchResult.failure(ErrorKind.PROTOCOL, elapsed()));
        }
        if (cookies != null) {
            cookies.store(uri, Map.of("Set-Cookie", response.headers().getAll(HttpHeaders.SET_COOKIE)));
        }
        head = ResponseHead.of(response.statusCode(), response::getHeader, ResponseHeaders.lines(response.headers()),
                ResponseProtocol.of(response.version()), System.currentTimeMillis());
        if (head.hasNoBody()) {
            return response.end().transform(ar -> Future.succeededFuture(head.withoutBody(elapsed())));
        }
        int cap = head.bodyCap(task.kind(), limits);
        if (cap < 0) {
            request.reset();
            return Future.succeededFuture(head.withoutBody(elapsed()));
        }
        CappedBody body = new CappedBody(cap);
        response.handler(chunk -> {
            if (!body.truncated() && !body.add(chunk.getBytes(), 0, chunk.length())) {
                request.reset();
            }
        });
        return response.end()
                .transform(ar -> ar.succeeded() || body.truncated()
                        ? result(body, cap)
                        : Future.failedFuture(ar.cause()));
    }

    /** Decoding a large or hostile body is CPU work: an encoded one is decoded off the event loop. */
    private Future<FetchResult> result(CappedBody body, int cap) {
        if (!BodyDecoder.encoded(head.contentEncoding())) {
            return Future.succeededFuture(head.withBody(body.bytes(), body.truncated(), cap, elapsed()));
        }
        byte[] raw = body.bytes();
        boolean cut = body.truncated();
        return vertx.executeBlocking(() -> head.withBody(raw, cut, cap, elapsed()), false);
    }

    private double phaseMs(long atNanos) {
        return atNanos < 0 ? -1 : Math.max(0, atNanos - startNanos) / 1e6;
    }

    private void expire(ErrorKind kind) {
        if (done || expired != null) {
            return;
        }
        expired = kind;
        if (request != null) {
            request.reset(0, new TimeoutException(kind.label()));
        }
    }

    private ErrorKind kindOf(Throwable error) {
        return expired != null ? expired : FetchErrors.classify(error, head != null);
    }

    private void finish() {
        done = true;
        vertx.cancelTimer(firstByteTimer);
        vertx.cancelTimer(totalTimer);
    }

    private long elapsed() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
