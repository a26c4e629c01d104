package dev.crawlcase.sites.server;

import dev.crawlcase.sites.config.ContentCoding;
import dev.crawlcase.sites.config.FaultKind;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.model.Paths;
import dev.crawlcase.sites.model.Ref;
import dev.crawlcase.sites.model.Replies;
import dev.crawlcase.sites.model.Reply;
import dev.crawlcase.sites.model.Seeds;
import dev.crawlcase.sites.model.SiteModel;
import dev.crawlcase.sites.model.ReferenceNormalizer;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.Supplier;

/**
 * Serves one site's requests: count, wait the sampled time to first byte on a timer, then either act
 * out a fault or send the resource (dribbled if the site has a bandwidth cap).
 */
final class SiteHandler implements Handler<HttpServerRequest> {
    private final Vertx vertx;
    private final SiteModel site;
    private final CounterBoard counters;
    private final Supplier<Replies> replies;
    private final Supplier<String> baseUrl;
    private final FaultPlan faults;
    private final FaultInjector injector;
    private final BodyWriter writer;
    private final AccessGate gate;

    SiteHandler(Vertx vertx, SiteModel site, CounterBoard counters, Supplier<Replies> replies, Supplier<String> baseUrl,
                ContentCoding coding) {
        SiteSpec spec = site.spec();
        this.vertx = vertx;
        this.site = site;
        this.counters = counters;
        this.replies = replies;
        this.baseUrl = baseUrl;
        this.faults = new FaultPlan(site.seed(), site.name(), spec.faults());
        this.injector = new FaultInjector(spec.faults().retryAfterSeconds());
        this.writer = new BodyWriter(vertx, spec.bandwidth(), coding, counters::encoded);
        this.gate = new AccessGate(site.name(), spec.access(), counters);
    }

    @Override
    public void handle(HttpServerRequest request) {
        Replies world = replies.get();
        if (world == null) {
            request.response().setStatusCode(503).end();
            return;
        }
        String url = ReferenceNormalizer.requestKey(baseUrl.get(), request.uri());
        String target = ReferenceNormalizer.target(url);
        int attempt = counters.begin(site.name(), url);
        if (request.version() == HttpVersion.HTTP_2) {
            counters.http2();
        }
        HttpServerResponse response = request.response();
        // the header echo is counted when the exchange ends, not on arrival: a burst of arrivals (the C10K load
        // test) is not slowed by it, and the echo is complete once the client has its response
        MultiMap headers = request.headers();
        Runnable finished = once(() -> {
            counters.end(site.name());
            counters.headers(headers);
        });
        response.endHandler(v -> finished.run());
        response.closeHandler(v -> finished.run());
        if (gate.refused(request, target)) {
            return;
        }
        gate.onServe(response, target);

        // faults and latency are seeded by site and request target, never by the port this run happened to get, so
        // every machine sees the same world and the same ideal time
        FaultKind fault = faults.decide(new Ref(site.name(), target).path(), target, attempt);
        Reply reply = reply(world, target);
        long delay = site.spec().latency().sampleLong(Seeds.random(site.seed(), site.name(), target, attempt,
                "latency"));
        if (fault == null && reply.status() / 100 == 2) {
            response.bodyEndHandler(v -> counters.ok(url));
        }
        afterDelay(delay).compose(v -> fault != null ? injector.inject(request, fault, reply) 
                : writer.send(response, reply, request.getHeader(HttpHeaders.ACCEPT_ENCODING)));
    }

    private Reply reply(Replies world, String target) {
        return target.equals(Paths.ROBOTS) ? world.robots(site) : world.reply(site, site.resolve(target));
    }

    private Future<Void> afterDelay(long delayMs) {
        return delayMs < 1 ? Future.succeededFuture() : vertx.timer(delayMs);
    }

    private static Runnable once(Runnable action) {
        boolean[] done = {false};
        return () -> {
            if (!done[0]) {
                done[0] = true;
                action.run();
            }
        };
    }
}
