package dev.crawlcase.sites;

import dev.crawlcase.sites.config.WorldConfig;
import dev.crawlcase.sites.model.Replies;
import dev.crawlcase.sites.model.SiteGenerator;
import dev.crawlcase.sites.model.SiteModel;
import dev.crawlcase.sites.server.CounterBoard;
import dev.crawlcase.sites.server.SiteCertificate;
import dev.crawlcase.sites.server.SiteVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running fake world: one loopback HTTP server per site, generated from the config's seed, plus the
 * ground truth of any crawl of it and the servers' live counters.
 */
public final class FakeWorld {
    private final Vertx vertx;
    private final WorldConfig config;
    private final Map<String, SiteModel> sites;
    private final Map<String, String> baseUrls;
    private final Replies replies;
    private final ServerCounters counters;
    private final List<String> deployments;
    private final SiteCertificate certificate;

    private FakeWorld(Vertx vertx, WorldConfig config, Map<String, SiteModel> sites, Map<String, String> baseUrls,
                      Replies replies, CounterBoard board, List<String> deployments, SiteCertificate certificate) {
        this.vertx = vertx;
        this.config = config;
        this.sites = sites;
        this.baseUrls = Collections.unmodifiableMap(baseUrls);
        this.replies = replies;
        this.counters = new ServerCounters(board, sites.keySet());
        this.deployments = deployments;
        this.certificate = certificate;
    }

    /** Generates every site and binds it on 127.0.0.1 (port 0 = ephemeral); fails if any site cannot bind. */
    public static Future<FakeWorld> start(Vertx vertx, WorldConfig config) {
        return start(vertx, config, 1);
    }

    /**
     * Like {@link #start(Vertx, WorldConfig)} with each site served from {@code eventLoops} event loops sharing its
     * port (1 = a small single-threaded server; a benchmark that must not be bound by its server gives one per core).
     */
    public static Future<FakeWorld> start(Vertx vertx, WorldConfig asked, int eventLoops) {
        // servers share a port only when they ask for the same number: an ephemeral port is chosen first
        if (eventLoops < 1) {
            throw new IllegalArgumentException("eventLoops must be at least 1, not " + eventLoops);
        }
        WorldConfig config;
        try {
            config = eventLoops > 1 ? FreePorts.pinEphemeral(asked) : asked;
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
        Map<String, SiteModel> sites = new LinkedHashMap<>();
        config.sites().forEach(spec -> sites.put(spec.name(), SiteGenerator.generate(config.seed(), spec, config.siteNames())));
        CounterBoard board = new CounterBoard(config.siteNames());
        AtomicReference<Replies> replies = new AtomicReference<>();
        SiteCertificate certificate = config.tls() ? SiteCertificate.selfSigned() : null;
        List<SiteVerticle> verticles = sites.values().stream()
                .map(site -> new SiteVerticle(site, board, replies::get, certificate, config.coding(), config.http2())).toList();
        List<Future<String>> deployed = new ArrayList<>(verticles.stream().map(vertx::deployVerticle).toList());
        return Future.join(List.copyOf(deployed))
                .compose(first -> {
                    List<Future<String>> siblings = new ArrayList<>();
                    for (SiteVerticle v : verticles) {
                        for (int i = 1; i < eventLoops; i++) {
                            siblings.add(vertx.deployVerticle(v.sibling()));
                        }
                    }
                    deployed.addAll(siblings);
                    return Future.join(siblings);
                })
                .recover(failure -> undeployAll(vertx, deployed).transform(ignored -> Future.failedFuture(failure)))
                .map(all -> {
                    Map<String, String> baseUrls = new LinkedHashMap<>();
                    verticles.forEach(v -> baseUrls.put(v.name(), v.baseUrl()));
                    replies.set(new Replies(config.seed(), baseUrls));
                    List<String> ids = deployed.stream().map(Future::result).toList();
                    return new FakeWorld(vertx, config, sites, baseUrls, replies.get(), board, ids, certificate);
                });
    }

    private static Future<Void> undeployAll(Vertx vertx, List<Future<String>> deployed) {
        List<Future<Void>> undeployed = new ArrayList<>();
        deployed.stream().filter(Future::succeeded).forEach(f -> undeployed.add(vertx.undeploy(f.result())));
        return Future.join(undeployed).mapEmpty();
    }

    /** How many HTTP servers serve the world: its sites times the event loops each is served from. */
    public int servers() {
        return deployments.size();
    }

    /** The root URL of each site, in config order. */
    public List<String> seedUrls() {
        return List.copyOf(baseUrls.values());
    }

    /**
     * The certificate of a TLS world in PEM form (a client trusts exactly it, never everything), empty for a plain
     * HTTP world.
     */
    public Optional<String> certificatePem() {
        return Optional.ofNullable(certificate).map(SiteCertificate::pem);
    }

    /** Site name to {@code http://127.0.0.1:PORT/} ({@code https} for a TLS world), in config order. */
    public Map<String, String> baseUrls() {
        return baseUrls;
    }

    /** The world's behaviour as a plan (ground truth, latency and faults per attempt), bound to these ports. */
    public WorldPlan plan() {
        return new WorldPlan(config, baseUrls);
    }

    public GroundTruth groundTruth(CrawlRules rules) {
        return plan().groundTruth(rules);
    }

    public ServerCounters counters() {
        return counters;
    }

    /** Base URLs, rules, the ground truth pages with depth, and every request with its parents. */
    public JsonObject manifest(CrawlRules rules) {
        return Manifest.of(config, baseUrls, rules, groundTruth(rules));
    }

    public WorldConfig config() {
        return config;
    }

    /** The generated model of a site (for tests and tools that inspect what is served). */
    public SiteModel site(String name) {
        SiteModel site = sites.get(name);
        if (site == null) {
            throw new IllegalArgumentException("no site named " + name);
        }
        return site;
    }

    /** The response bodies this world serves (rendered with its real ports). */
    public Replies replies() {
        return replies;
    }

    /** Renders (and caches) every generated resource now instead of on its first request. */
    public void warm() {
        sites.values().forEach(site -> site.resources().values().forEach(resource -> replies.reply(site, resource)));
    }

    /** Stops every site's server. */
    public Future<Void> close() {
        return Future.join(deployments.stream().map(vertx::undeploy).toList()).mapEmpty();
    }
}
