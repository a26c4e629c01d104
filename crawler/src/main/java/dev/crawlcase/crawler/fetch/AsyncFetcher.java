package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchResult;

import dev.crawlcase.crawler.task.FetchTask;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;

import java.net.InetAddress;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * Fetches one URL per call without blocking: for the async mode (called on an event loop), the virtual mode
 * (called on a virtual-thread context, which {@code await()}s the future) and the io-uring mode (on a Vert.x
 * instance of its own). The result comes back on the caller's context; call it from a Vert.x context.
 *
 * <p>Why the core {@link HttpClientAgent} and not {@code WebClient}: the body decision depends on the response head
 * (read HTML for pages, any 2xx for robots.txt, otherwise abort right after the headers), and the cap must stop the
 * transfer rather than just drop bytes. A WebClient {@code BodyCodec} never sees the head and {@code expecting}
 * only fails the request after the body has been read; the core client hands us the head first and lets us
 * {@code reset()} the request at any point, which makes both rules a few lines.
 *
 * <p>Framing: {@link Framing}'s rule, partly checked on each connection's raw bytes by {@link SplitFramingCheck}.
 *
 * <p>Settings: HTTP/1.1, keep-alive, no redirects, Vert.x's own decompression off (its inflater has no cap;
 * {@link BodyDecoder} decodes every coding we ask for, under the body cap, on a worker thread),
 * TCP connect timeout, and a per-host pool of {@code maxConnections} (Vert.x's default of 5 per host would
 * silently cap the crawl's concurrency). Threads: none of its own; it uses the Vertx instance's event loops.
 *
 * <p>Loops: the pool is split into {@link ClientShards}, at least one per core, and each shard lives on one event
 * loop: its connections are opened there and each attempt on it runs there whole (request, timers, body chunks),
 * then the result hops back to the caller's context. Why one loop per attempt: when a response's connection sat on
 * one loop and its handlers on another, Vert.x queued the body between the two threads, paused the connection's
 * reads when the queue filled, and a peer that closed right after writing (a {@code Connection: close} answer)
 * had its close reported before the queued rest of the body: the response failed as cut short although every byte
 * had arrived ({@code WriteThenCloseTest}; half the attempts under io_uring, which reads the whole answer at once).
 * On the connection's own loop the body is handed over as it is read, nothing queues, and the close comes after the
 * last byte. Spreading the shards over the loops keeps what the earlier spread of connections bought: with 10,000
 * connections on the caller's loop alone, that one thread also did all socket I/O, and the C10K benchmark was slower
 * (the README's Benchmarks section has the figures). Above 256 connections there are more shards: Vert.x scans every
 * pooled connection on each acquire, which at 10,000 connections took a large share of the event loop's time.
 */
public final class AsyncFetcher {

    private final Vertx vertx;
    private final FetchLimits limits;
    private final RemoteGuard guard;
    private final ClientShards clients;
    /** Shard {@code i} runs on {@code loops.get(i % loops.size())}; none for HTTP/2 (attempts on the caller's). */
    private final List<Context> loops;
    private final CookieJar cookies;
    private BooleanSupplier acting = () -> true;

    public AsyncFetcher(Vertx vertx, FetchLimits limits, int maxConnections) {
        this(vertx, limits, maxConnections, HostResolver.SYSTEM);
    }

    /** @param resolver where a remote crawl's guard looks names up, on a worker thread (a stub in tests) */
    public AsyncFetcher(Vertx vertx, FetchLimits limits, int maxConnections, HostResolver resolver) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1, got " + maxConnections);
        }
        this.vertx = vertx;
        this.limits = limits;
        this.guard = new RemoteGuard(resolver, limits.allowPrivateNetworks());
        HttpClientOptions options = versioned(new HttpClientOptions(), limits.httpVersion())
                .setKeepAlive(true)
                .setPipelining(false)
                .setDecompressionSupported(false)
                .setVerifyHost(true)
                .setTrustOptions(limits.trust().trustOptions())
                .setConnectTimeout(limits.connectTimeoutMs());
        RequestControls controls = limits.request();
        controls.checkProxy(limits.allowRemote());
        if (controls.proxy() != null) {
            // HTTP: plain requests in absolute form to the proxy, https through CONNECT; SOCKS5: every connection
            // tunnelled (Netty's SOCKS5 handler, the target's name sent unresolved)
            ProxyType type = controls.proxy().kind() == RequestControls.Proxy.Kind.SOCKS5 ? ProxyType.SOCKS5
                    : ProxyType.HTTP;
            options.setProxyOptions(new ProxyOptions().setType(type).setHost(controls.proxy().host())
                    .setPort(controls.proxy().port()));
        }
        this.cookies = controls.cookies() ? new CookieJar() : null;
        // Vert.x's internal API is the only way to a context on a loop other than the caller's (its own HTTP client
        // spreads connections the same way); round-robin over the instance's loops
        // HTTP/1.1 only: the close race is the HTTP/1 connection's, and HTTP/2 crawls hung on shard loops (open)
        boolean shardLoops = limits.httpVersion() == HttpVersionChoice.HTTP_1_1;
        int cores = Runtime.getRuntime().availableProcessors();
        this.loops = !shardLoops ? List.of() : IntStream.range(0, cores)
                .mapToObj(i -> (Context) ((VertxInternal) vertx).createEventLoopContext()).toList();
        // on shard loops no event-loop size of the pool's own: a connection opens on the loop of its attempt
        this.clients = new ClientShards(maxConnections, shardLoops ? loops.size() : 1, poolSize -> vertx.httpClientBuilder()
                .with(options)
                .withConnectHandler(SplitFramingCheck::install)
                .with(shardLoops ? new PoolOptions().setHttp1MaxSize(poolSize)
                        : new PoolOptions().setHttp1MaxSize(poolSize).setEventLoopSize(cores))
                .build());
    }

    /** 1.1 as is; 2 by ALPN only and h2c with prior knowledge; auto offers both and tries an h2c upgrade. */
    private static HttpClientOptions versioned(HttpClientOptions options, HttpVersionChoice choice) {
        return switch (choice) {
            case HTTP_1_1 -> options.setProtocolVersion(HttpVersion.HTTP_1_1);
            case HTTP_2 -> options.setProtocolVersion(HttpVersion.HTTP_2).setUseAlpn(true)
                    .setAlpnVersions(List.of(HttpVersion.HTTP_2)).setHttp2ClearTextUpgrade(false);
            case AUTO -> options.setProtocolVersion(HttpVersion.HTTP_2).setUseAlpn(true)
                    .setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1)).setHttp2ClearTextUpgrade(true);
        };
    }

    /** GETs {@code task.url()} once; the future never fails, every failure is an error kind in the result. */
    public Future<FetchResult> fetch(FetchTask task) {
        Context caller = Vertx.currentContext();
        int shard = clients.acquire();
        if (loops.isEmpty()) {
            return onShardLoop(task, shard).andThen(done -> clients.release(shard));
        }
        Promise<FetchResult> result = Promise.promise();
        loops.get(shard % loops.size()).runOnContext(v -> onShardLoop(task, shard).onComplete(ar -> {
            clients.release(shard);
            if (caller == null) {
                result.handle(ar);
            } else {
                caller.runOnContext(back -> result.handle(ar));
            }
        }));
        return result.future();
    }

    /** An exception thrown here would be lost on the shard's loop and leave the caller waiting: it fails instead. */
    private Future<FetchResult> onShardLoop(FetchTask task, int shard) {
        try {
            return attemptOnLoop(task, shard);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /** The whole attempt, on its shard's loop. */
    private Future<FetchResult> attemptOnLoop(FetchTask task, int shard) {
        long start = System.nanoTime();
        ErrorKind refused = LoopbackGuard.check(task.url(), limits.allowRemote());
        if (refused != null) {
            return Future.succeededFuture(
                    FetchResult.failure(refused, (System.nanoTime() - start) / 1_000_000));
        }
        if (RemoteGuard.applies(task.url(), limits.allowRemote())) {
            // a name lookup blocks: judged on a worker, then the request goes to the very address judged
            return vertx.executeBlocking(() -> guard.judge(task.url()), false).compose(verdict -> verdict.refused() != null
                    ? Future.succeededFuture(FetchResult.failure(verdict.refused(), (System.nanoTime() - start) / 1_000_000))
                    : attempt(task, shard, verdict.address()));
        }
        return attempt(task, shard, null);
    }

    private Future<FetchResult> attempt(FetchTask task, int shard, InetAddress pinned) {
        return new AsyncAttempt(vertx, clients.client(shard), limits, task, pinned, cookies, acting).run();
    }

    /**
     * Sends no request once {@code acting} says no, checked when the connection is there: the last moment before a
     * request leaves (a cluster node's fence, see {@code mode.FetcherSettings#acting}).
     */
    public AsyncFetcher gatedBy(BooleanSupplier acting) {
        this.acting = acting;
        return this;
    }

    public Future<Void> close() {
        return clients.close();
    }
}
