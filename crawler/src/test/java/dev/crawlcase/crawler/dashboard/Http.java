package dev.crawlcase.crawler.dashboard;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;

/** One GET on 127.0.0.1, its body if the answer is 200. */
public final class Http {
    private Http() {
    }

    public static Future<Buffer> get(Vertx vertx, int port, String path) {
        HttpClient client = vertx.createHttpClient();
        return client.request(HttpMethod.GET, port, "127.0.0.1", path)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("GET " + path + ": " + response.statusCode()))
                .eventually(client::close);
    }
}
