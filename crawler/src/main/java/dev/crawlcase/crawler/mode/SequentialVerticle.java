package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.Mode;

/**
 * Sequential mode: the blocking JDK HttpClient on one worker thread, one request at a time. The baseline every
 * other mode is measured against: while a response is awaited, nothing else happens.
 */
final class SequentialVerticle extends ThreadPoolVerticle {
    SequentialVerticle(FetcherSettings settings) {
        super(settings, 1, Mode.SEQUENTIAL);
    }
}
