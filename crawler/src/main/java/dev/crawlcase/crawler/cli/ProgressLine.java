package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.bus.CrawlProgress;
import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The live progress line on stderr (done, queued, in flight, pages/s, errors), redrawn in place from the
 * frontier's progress events. Shown only when stderr is a terminal.
 */
final class ProgressLine implements AutoCloseable {
    private final Vertx vertx;
    private final PrintWriter err;
    private final long startNanos = System.nanoTime();
    private MessageConsumer<JsonObject> consumer;
    private boolean drawn;

    ProgressLine(Vertx vertx, PrintWriter err) {
        this.vertx = vertx;
        this.err = err;
    }

    void follow(CrawlAddresses addresses) {
        consumer = vertx.eventBus().consumer(addresses.progress(), m -> draw(CrawlProgress.fromJson(m.body())));
    }

    private synchronized void draw(CrawlProgress p) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        err.printf(Locale.ROOT, "\r%6.1fs  done %d  queued %d  in flight %d  %.1f pages/s  errors %d   ",
                seconds, p.done(), p.queued(), p.inFlight(), p.fetched() / seconds, p.failed());
        err.flush();
        drawn = true;
    }

    /** Linux: is fd 2 a tty? Elsewhere: is there a console at all. */
    static boolean stderrIsTerminal() {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
            return target.toString().startsWith("/dev/pts/") || target.toString().startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.unregister();
        }
        if (drawn) {
            err.println();
        }
    }
}
