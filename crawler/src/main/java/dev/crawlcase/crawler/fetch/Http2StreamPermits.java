package dev.crawlcase.crawler.fetch;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many requests a blocking fetcher keeps in flight per host over HTTP/2. The JDK client opens one HTTP/2
 * connection per host and fails a request at once ("too many concurrent streams") when that connection already
 * carries as many streams as the server allows, instead of waiting for one to end (JDK-8225647, still open). So
 * the thread waits here for a permit first; {@value #PER_HOST} is the limit most servers announce (Apache, Vert.x
 * and Netty's defaults; nginx allows 128). A thread pool of 1,000 against one host then multiplexes 100 requests at a
 * time, as the Vert.x client does on its own.
 */
final class Http2StreamPermits {
    static final int PER_HOST = 100;

    private final Map<String, Semaphore> byHost = new ConcurrentHashMap<>();

    /** A permit for a request to {@code target}, or null when none came within {@code waitMs}. */
    Permit acquire(URI target, long waitMs) throws InterruptedException {
        Semaphore permits = byHost.computeIfAbsent(target.getScheme() + "://" + target.getRawAuthority(),
                key -> new Semaphore(PER_HOST));
        return permits.tryAcquire(waitMs, TimeUnit.MILLISECONDS) ? new Permit(permits) : null;
    }

    /** One stream's permit; released once, when its request has ended. */
    static final class Permit {
        private final Semaphore from;
        private boolean released;

        private Permit(Semaphore from) {
            this.from = from;
        }

        synchronized void release() {
            if (!released) {
                released = true;
                from.release();
            }
        }
    }
}
