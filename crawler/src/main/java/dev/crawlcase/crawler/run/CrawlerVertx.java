package dev.crawlcase.crawler.run;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;

/**
 * The Vert.x instance a crawl runs on. Class-path file resolution is off: the crawler only writes plain files,
 * and the resolver's cache directory is removed by Vert.x's own shutdown hook, which would make the last writes
 * of a Ctrl-C stop (the summary) fail.
 */
public final class CrawlerVertx {
    private CrawlerVertx() {
    }

    public static Vertx create() {
        return Vertx.builder().with(options()).build();
    }

    /** The options every crawler Vert.x starts from, clustered or not. */
    public static VertxOptions options() {
        return new VertxOptions().setFileSystemOptions(
                new FileSystemOptions().setClassPathResolvingEnabled(false).setFileCachingEnabled(false));
    }
}
