package dev.crawlcase.crawler.mode;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The four ways to run the same crawl's fetches. Only this choice differs between them. */
public enum Mode {
    SEQUENTIAL("sequential", SequentialVerticle::new, ThreadingModel.EVENT_LOOP),
    THREAD_POOL("thread-pool", ThreadPoolVerticle::new, ThreadingModel.EVENT_LOOP),
    ASYNC("async", AsyncVerticle::new, ThreadingModel.EVENT_LOOP),
    VIRTUAL("virtual", VirtualVerticle::new, ThreadingModel.VIRTUAL_THREAD);

    private final String label;
    private final Function<FetcherSettings, FetchVerticle> factory;
    private final ThreadingModel threading;

    Mode(String label, Function<FetcherSettings, FetchVerticle> factory, ThreadingModel threading) {
        this.label = label;
        this.factory = factory;
        this.threading = threading;
    }

    public String label() {
        return label;
    }

    public FetchVerticle verticle(FetcherSettings settings) {
        return factory.apply(settings);
    }

    public DeploymentOptions deploymentOptions() {
        return new DeploymentOptions().setThreadingModel(threading);
    }

    /** Null when this JVM can run the mode, else a one-line reason. */
    public String unavailableReason() {
        if (this == VIRTUAL && Runtime.version().feature() < 21) {
            return "mode 'virtual' needs JDK 21 or newer (virtual threads); this is JDK " + Runtime.version().feature();
        }
        return null;
    }

    public static Mode parse(String label) {
        for (Mode m : values()) {
            if (m.label.equals(label.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + label + "' (expected one of "
                + Arrays.stream(values()).map(Mode::label).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return label;
    }
}
