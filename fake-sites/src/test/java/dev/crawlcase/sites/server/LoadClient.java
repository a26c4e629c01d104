package dev.crawlcase.sites.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens N HTTP/1.1 connections, then sends one request on each at once, and prints
 * {@code ok=<number of 200s>}. Connecting first keeps the requests' arrival spread short. Runs in its
 * own JVM because one JVM's file descriptor limit cannot hold both ends of 10,000 connections.
 * Usage: {@code LoadClient PORT N}.
 */
public final class LoadClient {
    /** Connections per client pool, opened at once: small pools stay fast and never overflow the listen backlog. */
    private static final int BATCH = 1000;

    private LoadClient() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx();
        List<HttpClientRequest> requests = new ArrayList<>();
        for (int start = 0; start < n; start += BATCH) {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(30_000),
                    new PoolOptions().setHttp1MaxSize(BATCH));
            List<Future<HttpClientRequest>> connected = new ArrayList<>();
            for (int i = start; i < Math.min(n, start + BATCH); i++) {
                connected.add(client.request(HttpMethod.GET, port, "127.0.0.1", "/"));
            }
            Future.all(connected).await();
            connected.forEach(f -> requests.add(f.result()));
        }
        List<Future<Integer>> responses = requests.stream()
                .map(request -> request.send().compose(response -> response.body().map(body -> response.statusCode())))
                .toList();
        long ok = Future.join(responses).transform(done -> Future.succeededFuture(
                responses.stream().filter(f -> f.succeeded() && f.result() == 200).count())).await();
        System.out.println("ok=" + ok);
        responses.stream().filter(Future::failed).limit(3).forEach(f -> System.out.println("failed: " + f.cause()));
        System.out.flush();
        System.exit(0);
    }
}
