package dev.crawlcase.sites.hostile;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@link HostileCases hostile case} served at once, each on its own loopback port, and the records a correct
 * crawl of all of them writes: its ground truth, stated by the world itself.
 */
public final class HostileWorld {
    private final Map<HostileCase, RawServer> servers;

    private HostileWorld(Map<HostileCase, RawServer> servers) {
        this.servers = servers;
    }

    public static Future<HostileWorld> start(Vertx vertx) {
        return start(vertx, HostileCases.all());
    }

    public static Future<HostileWorld> start(Vertx vertx, List<HostileCase> cases) {
        Map<HostileCase, RawServer> servers = new LinkedHashMap<>();
        List<Future<RawServer>> started = new ArrayList<>();
        for (HostileCase c : cases) {
            String[] base = new String[1];
            started.add(RawServer.start(vertx, path -> {
                Answer answer = c.answers().to(base[0], path);
                return answer != null ? answer : Answer.status(404, null);
            }).onSuccess(server -> {
                base[0] = server.base();
                servers.put(c, server);
            }));
        }
        return Future.all(started).map(all -> new HostileWorld(servers));
    }

    /** Each case's root page, the crawl's seeds. */
    public List<String> seeds() {
        return servers.values().stream().map(s -> s.base() + "/").toList();
    }

    /** Case name to its base URL. */
    public Map<String, String> bases() {
        Map<String, String> bases = new LinkedHashMap<>();
        servers.forEach((c, s) -> bases.put(c.name(), s.base()));
        return bases;
    }

    /** URL to the record a correct crawl writes for it; no other URL gets one. */
    public Map<String, Expected> expected() {
        Map<String, Expected> all = new LinkedHashMap<>();
        servers.forEach((c, s) -> c.expected().forEach((path, e) -> all.put(s.base() + path, e)));
        return all;
    }

    /** Requests the case's server got for {@code path}. */
    public int requests(String caseName, String path) {
        return servers.entrySet().stream().filter(e -> e.getKey().name().equals(caseName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no hostile case " + caseName))
                .getValue().requests(path);
    }

    public Future<Void> close() {
        return Future.join(servers.values().stream().map(RawServer::close).toList()).mapEmpty();
    }
}
