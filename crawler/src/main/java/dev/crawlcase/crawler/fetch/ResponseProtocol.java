package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.HttpProtocol;

import java.net.http.HttpClient;

/** The one mapping from each client's own version type to the {@link HttpProtocol} a record carries. */
final class ResponseProtocol {

    private ResponseProtocol() {
    }

    /** The Vert.x client's (async, virtual, io-uring modes). */
    static HttpProtocol of(io.vertx.core.http.HttpVersion version) {
        return switch (version) {
            case HTTP_1_0 -> HttpProtocol.HTTP_1_0;
            case HTTP_1_1 -> HttpProtocol.HTTP_1_1;
            case HTTP_2 -> HttpProtocol.HTTP_2;
        };
    }

    /** The JDK client's (sequential, thread-pool and processes modes); it reports an HTTP/1.0 answer as 1.1. */
    static HttpProtocol of(HttpClient.Version version) {
        return version == HttpClient.Version.HTTP_2 ? HttpProtocol.HTTP_2 : HttpProtocol.HTTP_1_1;
    }

    /** The status line Netty's codec parsed for the raw-socket modes (poll, selector), which speak only 1.x. */
    static HttpProtocol of(io.netty.handler.codec.http.HttpVersion version) {
        return version.majorVersion() == 1 && version.minorVersion() == 0 ? HttpProtocol.HTTP_1_0 : HttpProtocol.HTTP_1_1;
    }
}
