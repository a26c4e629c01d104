package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.Mode;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;

/** Which verticle runs each {@link Mode}, and on which threading model Vert.x deploys it. */
public final class ModeVerticles {
    private ModeVerticles() {
    }

    public static FetchVerticle create(Mode mode, FetcherSettings settings) {
        return switch (mode) {
            case SEQUENTIAL -> new SequentialVerticle(settings);
            case THREAD_POOL -> new ThreadPoolVerticle(settings);
            case POLL, SELECTOR -> new SocketLoopVerticle(settings, mode);
            case ASYNC -> new AsyncVerticle(settings);
            case VIRTUAL -> new VirtualVerticle(settings);
        };
    }

    public static DeploymentOptions deploymentOptions(Mode mode) {
        return new DeploymentOptions().setThreadingModel(
                mode == Mode.VIRTUAL ? ThreadingModel.VIRTUAL_THREAD : ThreadingModel.EVENT_LOOP);
    }
}
