package dev.crawlcase.sites.server;

import dev.crawlcase.sites.model.Replies;
import dev.crawlcase.sites.model.SiteModel;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.function.Supplier;

/**
 * One fake site: an HTTP server on 127.0.0.1 at the configured port (0 = ephemeral). Its replies are
 * supplied once every site of the world is bound, because pages link to the other sites' real ports.
 */
public final class SiteVerticle extends VerticleBase {
    private final SiteModel site;
    private final CounterBoard counters;
    private final Supplier<Replies> replies;
    private volatile int port = -1;

    public SiteVerticle(SiteModel site, CounterBoard counters, Supplier<Replies> replies) {
        this.site = site;
        this.counters = counters;
        this.replies = replies;
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(site.spec().port())
                .setAcceptBacklog(16384)
                .setReuseAddress(true)
                .setHttp2ClearTextEnabled(false);
        HttpServer server = vertx.createHttpServer(options)
                .requestHandler(new SiteHandler(vertx, site, counters, replies, this::baseUrl));
        return server.listen().onSuccess(bound -> port = bound.actualPort());
    }

    public String name() {
        return site.name();
    }

    /** The bound port, once started. */
    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }
}
