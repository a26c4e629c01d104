package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchPhases;
import dev.crawlcase.crawler.task.FetchResult;

import dev.crawlcase.crawler.task.FetchTask;

import dev.crawlcase.crawler.task.ResponseCapture;

import dev.crawlcase.json.ConfigException;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches one URL per call and blocks the calling thread until the attempt ends: for the sequential and thread-pool
 * modes, which call it from worker threads. Thread-safe; one shared JDK {@link HttpClient} (HTTP/1.1, redirects
 * NEVER; Accept-Encoding lists what {@link BodyDecoder} decodes).
 *
 * <p>Framing: {@link Framing}'s rule, checked on the head (the JDK client would otherwise read a Content-Length's
 * bytes of a chunked body and call it whole).
 *
 * <p>Deadlines: the connect timeout is the client's; the first-byte timeout is {@link HttpRequest#timeout} (which
 * the JDK applies up to the response headers only); the total deadline is enforced by waiting on
 * {@code sendAsync(...)} with {@code get(remaining)} and cancelling the body subscription when it passes.
 *
 * <p>Threads: the JDK client always starts one selector thread of its own ({@code HttpClient-N-SelectorManager}),
 * which does all socket I/O for every request. Its default executor would be an unbounded cached pool
 * ({@code HttpClient-N-Worker-M}, one thread per concurrently completing exchange); we pass a fixed pool of
 * {@code executorThreads} daemon threads named {@code crawlcase-jdkhttp-M} instead, so the fetcher adds exactly
 * {@code 1 + executorThreads} platform threads, however many callers block in {@link #fetch} (on JDK 25 a
 * {@code ForkJoinPool.commonPool} worker also shows up; that pool is JVM-wide and shared). On JDK 21+
 * {@link #close()} stops the selector thread; on JDK 17 it ends when the client is garbage collected.
 */
public final class BlockingFetcher implements AutoCloseable {

    public static final int DEFAULT_EXECUTOR_THREADS = 2;
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final FetchLimits limits;
    /** Over HTTP/2 (asked or preferred), the streams each host may have in flight; null over HTTP/1.1. */
    private final Http2StreamPermits streams;
    private final RemoteGuard guard;
    private final ExecutorService executor;
    private final HttpClient client;

    /**
     * Why this client cannot carry out {@code controls}, if it cannot: the JDK's HttpClient takes HTTP proxies only
     * (its ProxySelector's SOCKS entries are ignored, and it would then connect directly, out of the proxy's sight).
     * The modes built on it refuse such a crawl before it starts; this client refuses it too.
     */
    public static Optional<String> unsupported(RequestControls controls) {
        if (controls.proxy() != null && controls.proxy().kind() == RequestControls.Proxy.Kind.SOCKS5) {
            return Optional.of("the JDK's HttpClient cannot go through a SOCKS proxy (" + controls.proxy().url()
                    + "); use an http:// proxy, or mode async, virtual or io-uring (Vert.x's client speaks SOCKS5)");
        }
        return Optional.empty();
    }

    public BlockingFetcher(FetchLimits limits) {
        this(limits, DEFAULT_EXECUTOR_THREADS);
    }

    public BlockingFetcher(FetchLimits limits, int executorThreads) {
        this(limits, executorThreads, HostResolver.SYSTEM);
    }

    /** @param resolver where a remote crawl's guard looks names up (a stub in tests) */
    public BlockingFetcher(FetchLimits limits, int executorThreads, HostResolver resolver) {
        if (executorThreads < 1) {
            throw new IllegalArgumentException("executorThreads must be >= 1, got " + executorThreads);
        }
        this.limits = limits;
        this.streams = limits.httpVersion() == HttpVersionChoice.HTTP_1_1 ? null : new Http2StreamPermits();
        this.guard = new RemoteGuard(resolver, limits.allowPrivateNetworks());
        this.executor = Executors.newFixedThreadPool(executorThreads, runnable -> {
            Thread thread = new Thread(runnable, "crawlcase-jdkhttp-" + THREAD_IDS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        limits.request().checkProxy(limits.allowRemote());
        unsupported(limits.request()).ifPresent(reason -> {
            throw new ConfigException("fetch.proxy", reason);
        });
        HttpClient.Builder builder = HttpClient.newBuilder()
                // HTTP_2 is the JDK's "prefer 2": ALPN over TLS, an h2c Upgrade on plain connections
                .version(limits.httpVersion() == HttpVersionChoice.HTTP_1_1 ? HttpClient.Version.HTTP_1_1
                        : HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofMillis(limits.connectTimeoutMs()))
                .sslContext(limits.trust().sslContext())
                .executor(executor);
        RequestControls controls = limits.request();
        if (controls.cookies()) {
            // the client asks the jar before each request and hands it each response's Set-Cookie lines
            builder.cookieHandler(new CookieJar().manager());
        }
        if (controls.proxy() != null) {
            // plain requests in absolute form to the proxy, https through CONNECT
            builder.proxy(ProxySelector.of(new InetSocketAddress(controls.proxy().host(),
                    controls.proxy().port())));
        }
        this.client = builder.build();
    }

    /** GETs {@code task.url()} once; never throws, every failure is an error kind in the result. */
    public FetchResult fetch(FetchTask task) {
        return fetch(task, null);
    }

    /**
     * As {@link #fetch(FetchTask)}, sending {@code cookie} (a jar's Cookie header value kept elsewhere: the process
     * pool's parent) when not null.
     */
    FetchResult fetch(FetchTask task, String cookie) {
        long start = System.nanoTime();
        ErrorKind refused = LoopbackGuard.check(task.url(), limits.allowRemote());
        if (refused != null) {
            return FetchResult.failure(refused, millisSince(start));
        }
        if (RemoteGuard.applies(task.url(), limits.allowRemote())) {
            ErrorKind unsafe = guard.judge(task.url()).refused();
            if (unsafe != null) {
                return failure(unsafe, start);
            }
        }
        // the JDK client would resolve a loopback name through the system resolver (and so maybe DNS); the Host
        // header then names the address, which a loopback server cannot tell from the name
        URI target = LoopbackGuard.connectUri(task.url());
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .GET()
                .timeout(Duration.ofMillis(limits.firstByteTimeoutMs()))
                .header("User-Agent", limits.userAgent())
                .header("Accept-Encoding", BodyDecoder.ACCEPT_ENCODING);
        limits.request().headersFor(URI.create(task.url())).forEach(h -> request.setHeader(h.getKey(), h.getValue()));
        if (cookie != null) {
            request.setHeader("Cookie", cookie);
        }
        Handler handler = new Handler(task.kind());
        Http2StreamPermits.Permit stream = null;
        if (streams != null) {
            try {
                stream = streams.acquire(target, limits.totalTimeoutMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failure(ErrorKind.IO, start);
            }
            if (stream == null) {
                return failure(ErrorKind.TIMEOUT_FIRST_BYTE, start);
            }
        }
        CompletableFuture<HttpResponse<CappedSubscriber.Read>> future = client.sendAsync(request.build(), handler);
        if (stream != null) {
            Http2StreamPermits.Permit held = stream;
            future.whenComplete((response, failure) -> held.release());
        }
        try {
            long remaining = limits.totalTimeoutMs() - millisSince(start);
            return result(handler, future.get(Math.max(1, remaining), TimeUnit.MILLISECONDS).body(), start);
        } catch (TimeoutException e) {
            handler.abort();
            future.cancel(true);
            return failure(handler.head == null ? ErrorKind.TIMEOUT_FIRST_BYTE : ErrorKind.TIMEOUT_TOTAL, start);
        } catch (ExecutionException e) {
            CappedSubscriber.Read ended = handler.readIfEndedHere();
            if (ended != null) {
                // we cancelled the stream ourselves (HTTP/2 reports that as a failure): what we wanted was read
                return result(handler, ended, start);
            }
            Throwable cause = e.getCause();
            boolean firstByte = cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException);
            return failure(firstByte ? ErrorKind.TIMEOUT_FIRST_BYTE
                    : FetchErrors.classify(cause, handler.head != null), start);
        } catch (InterruptedException e) {
            handler.abort();
            future.cancel(true);
            Thread.currentThread().interrupt();
            return failure(ErrorKind.IO, start);
        }
    }

    @Override
    public void close() {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing is best effort: in-flight requests fail on their own
            }
        }
        executor.shutdownNow();
    }

    private static FetchResult result(Handler handler, CappedSubscriber.Read read, long start) {
        if (handler.badFraming) {
            return failure(ErrorKind.PROTOCOL, start);
        }
        ResponseHead head = handler.head;
        FetchResult result = read.cap() < 0 ? head.withoutBody(millisSince(start))
                : head.withBody(read.raw(), read.truncated(), read.cap(), millisSince(start));
        // the JDK client pools its connections and says nothing of the connect; the headers are its first byte
        return result.withPhases(new FetchPhases(-1, Math.max(0, handler.headNanos - start) / 1e6));
    }

    private static FetchResult failure(ErrorKind kind, long start) {
        return FetchResult.failure(kind, millisSince(start));
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static List<ResponseCapture.Header> lines(HttpHeaders headers) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        headers.map().forEach((name, values) -> values.forEach(v -> entries.add(Map.entry(name, v))));
        return ResponseHeaders.lines(entries);
    }

    /** Per-request: sees the head, decides whether to read the body, and keeps the subscriber to abort it. */
    private final class Handler implements HttpResponse.BodyHandler<CappedSubscriber.Read> {
        private final FetchTask.Kind kind;
        private volatile ResponseHead head;
        private volatile long headNanos;
        private volatile CappedSubscriber subscriber;
        private volatile boolean badFraming;

        Handler(FetchTask.Kind kind) {
            this.kind = kind;
        }

        @Override
        public HttpResponse.BodySubscriber<CappedSubscriber.Read> apply(HttpResponse.ResponseInfo info) {
            ResponseHead h = ResponseHead.of(info.statusCode(),
                    name -> info.headers().firstValue(name).orElse(null), lines(info.headers()),
                    ResponseProtocol.of(info.version()), System.currentTimeMillis());
            headNanos = System.nanoTime();
            head = h;
            // a refused framing is not read: cancelling closes the connection, so no stray bytes reach the next use
            badFraming = !Framing.valid(info.headers().allValues("Content-Length"),
                    info.headers().allValues("Transfer-Encoding"));
            CappedSubscriber s = new CappedSubscriber(badFraming || h.hasNoBody() ? -1 : h.bodyCap(kind, limits));
            subscriber = s;
            return s;
        }

        CappedSubscriber.Read readIfEndedHere() {
            CappedSubscriber s = subscriber;
            return s == null || head == null ? null : s.readIfEndedHere();
        }

        void abort() {
            CappedSubscriber s = subscriber;
            if (s != null) {
                s.abort();
            }
        }
    }
}
