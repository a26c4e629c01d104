package dev.crawlcase.crawler.task;

import dev.crawlcase.json.Range;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ways to run the same crawl's fetches. Only this choice differs between them; which verticle runs a mode is
 * the mode package's business ({@code ModeVerticles}), so this leaf type carries only the name, what the JVM must
 * offer, and the default and bounds of the concurrency every mode is run at.
 */
public enum Mode {
    SEQUENTIAL("sequential"),
    PROCESSES("processes"),
    THREAD_POOL("thread-pool"),
    POLL("poll"),
    SELECTOR("selector"),
    ASYNC("async"),
    VIRTUAL("virtual"),
    IO_URING("io-uring");

    /** The mode a crawl runs in unless told otherwise. */
    public static final Mode DEFAULT = ASYNC;
    /** Fetches in flight at once (threads in thread-pool mode) unless told otherwise; sequential always runs 1. */
    public static final int DEFAULT_CONCURRENCY = 64;
    /** The concurrencies any mode accepts, from the config, the flags or a sweep. */
    public static final Range CONCURRENCY_RANGE = new Range(1, 100_000);

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    /** The name users type and records carry. */
    public String label() {
        return label;
    }

    /**
     * Empty when this JVM can run the mode, else a one-line reason. What a mode needs beyond the JDK (io-uring: the
     * kernel's io_uring through Netty) is checked by the mode package's {@code ModeVerticles.unavailableReason}.
     */
    public Optional<String> unavailableReason() {
        if (this == VIRTUAL && Runtime.version().feature() < 21) {
            return Optional.of("mode 'virtual' needs JDK 21 or newer (virtual threads); this is JDK "
                    + Runtime.version().feature());
        }
        return Optional.empty();
    }

    /** The mode with this label (any case). */
    public static Mode parse(String label) {
        for (Mode m : values()) {
            if (m.label.equals(label.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + label + "' (expected one of " + labels() + ")");
    }

    /** Every label, comma-separated, for messages and help. */
    public static String labels() {
        return Arrays.stream(values()).map(Mode::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
