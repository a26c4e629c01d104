package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.mode.ModeVerticles;
import dev.crawlcase.crawler.mode.FetchVerticle;
import dev.crawlcase.crawler.mode.FetcherSettings;
import dev.crawlcase.crawler.task.Mode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * A cluster node that only fetches: one fetch verticle of the chosen mode leasing from the frontier at the
 * settings' addresses. Until a frontier answers, lease requests fail and are asked again; once the frontier says
 * the crawl is finished and nothing is in flight, the verticle is undeployed and the future completes.
 */
public final class FetcherNode {
    private FetcherNode() {
    }

    public static Future<Void> run(Vertx vertx, Mode mode, FetcherSettings settings) {
        FetchVerticle verticle = ModeVerticles.create(mode, settings);
        return vertx.deployVerticle(verticle, ModeVerticles.deploymentOptions(mode))
                .compose(id -> verticle.finished().compose(v -> vertx.undeploy(id)));
    }
}
