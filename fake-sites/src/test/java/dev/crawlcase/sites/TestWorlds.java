package dev.crawlcase.sites;

import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.FaultKind;
import dev.crawlcase.sites.config.FaultSpec;
import dev.crawlcase.sites.config.RobotsSpec;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Small worlds for tests, all on ephemeral ports. */
public final class TestWorlds {
    private TestWorlds() {
    }

    /** Three quick sites with every feature, no latency, no faults. */
    public static WorldConfig threeSites(long seed) {
        return WorldConfig.of(seed,
                SiteSpec.named("alpha").withPages(60, 5).withLargePageBytes(300_000),
                SiteSpec.named("beta").withPages(40, 4)
                        .withRobots(new RobotsSpec(List.of("/private/", "/s2/p5.html"), 0.1)),
                SiteSpec.named("gamma").withPages(30, 6));
    }

    /** {@link #threeSites} with {@code alpha} changed by {@code change} (a site option turned on). */
    public static WorldConfig threeSitesWithAlpha(long seed, java.util.function.UnaryOperator<SiteSpec> change) {
        WorldConfig plain = threeSites(seed);
        return plain.withSites(plain.sites().stream().map(s -> s.name().equals("alpha") ? change.apply(s) : s).toList());
    }

    /** {@link #threeSites} with every transient fault but hang, and one permanently faulty page. */
    public static WorldConfig threeFlakySites(long seed) {
        FaultSpec faults = FaultSpec.none()
                .with(FaultKind.STATUS_500, 0.05).with(FaultKind.STATUS_503, 0.05).with(FaultKind.STATUS_429, 0.05)
                .with(FaultKind.RESET, 0.05).with(FaultKind.TRUNCATED, 0.05).with(FaultKind.MALFORMED_CHUNK, 0.05)
                .with(FaultKind.EMPTY, 0.05).withRetryAfterSeconds(0);
        WorldConfig base = threeSites(seed);
        return new WorldConfig(seed, base.sites().stream()
                .map(s -> s.withFaults(s.name().equals("alpha") ? faults.withPermanentPaths(List.of("/s1/p5.html")) : faults))
                .toList());
    }

    /** One small site with the given latency and faults. */
    public static WorldConfig oneSite(Distribution latency, FaultSpec faults) {
        return WorldConfig.of(7, SiteSpec.named("solo").withPages(20, 3).withLatency(latency).withFaults(faults));
    }

    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future failed: " + e, e);
        }
    }

    /** The same world bound to the ports a running copy of it had ({@code baseUrls}). */
    public static WorldConfig onPorts(WorldConfig config, Map<String, String> baseUrls) {
        return new WorldConfig(config.seed(), config.sites().stream()
                .map(s -> s.withPort(Integer.parseInt(baseUrls.get(s.name()).replaceAll("\\D+$", "").replaceAll(".*:", ""))))
                .toList());
    }

    /** Each URL's body, fetched one at a time, each on a new connection. */
    public static Map<String, String> fetchAll(List<String> urls) {
        Map<String, String> out = new LinkedHashMap<>();
        urls.forEach(u -> out.put(u, RawHttp.get(u, 5000).text()));
        return out;
    }

    public static FakeWorld start(Vertx vertx, WorldConfig config) {
        return await(FakeWorld.start(vertx, config));
    }
}
