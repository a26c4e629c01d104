package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.frontier.RetryPolicy;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.GroundTruth;
import dev.crawlcase.sites.WorldPlan;
import dev.crawlcase.sites.config.FaultKind;
import dev.crawlcase.sites.config.SiteSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns a world's plan and a crawl config into the requests the ideal-time simulation schedules: every request of
 * the ground truth (pages, redirects, resources, 404s, faulty pages) plus each host's robots.txt, with the exact
 * time to first byte the servers will wait, the body transfer time under a bandwidth cap, and the attempts and
 * retry waits the servers' faults force (at the crawl's own timeouts and the shortest jittered backoff).
 */
public final class IdealModel {
    private final WorldPlan plan;
    private final CrawlConfig crawl;
    private final RetryPolicy retry;

    public IdealModel(WorldPlan plan, CrawlConfig crawl) {
        this.plan = plan;
        this.crawl = crawl;
        this.retry = crawl.retry();
    }

    public static CrawlRules rules(CrawlConfig crawl) {
        return new CrawlRules(crawl.robots().obey(), crawl.maxDepth(), crawl.sortQuery(), crawl.respectNofollow(),
                crawl.fetch().maxRedirects(), List.of(), CrawlRules.Sitemaps.valueOf(crawl.sitemaps().use().name()),
                crawl.robots().obeyPageDirectives());
    }

    public GroundTruth groundTruth() {
        return plan.groundTruth(rules(crawl));
    }

    /** The ideal makespan in seconds at this concurrency. */
    public double idealSeconds(GroundTruth truth, int concurrency) {
        int perHost = Math.min(concurrency, crawl.politeness().perHostConcurrency());
        return IdealMakespan.compute(requests(truth), concurrency, perHost, hostDelays()) / 1000.0;
    }

    List<SimRequest> requests(GroundTruth truth) {
        List<SimRequest> out = new ArrayList<>();
        Map<String, String> robotsOf = new HashMap<>();
        if (crawl.robots().obey()) {
            for (String site : plan.config().siteNames()) {
                String robots = baseUrl(site) + "robots.txt";
                robotsOf.put(site, robots);
                out.add(request(robots, site, 0, List.of(), List.of(), 0));
            }
        }
        for (GroundTruth.Request r : truth.requests().values()) {
            List<String> requires = robotsOf.containsKey(r.site()) ? List.of(robotsOf.get(r.site())) : List.of();
            List<String> parents = r.depth() == 0 ? List.of() : r.parents(); // seeds are known from the start
            long body = r.kind() == GroundTruth.Kind.PAGE ? r.bodyBytes() : 0;
            out.add(request(r.url(), r.site(), r.depth(), parents, requires, body));
        }
        return out;
    }

    private SimRequest request(String url, String site, int depth, List<String> parents, List<String> requires,
                               long bodyBytes) {
        SiteSpec spec = plan.spec(site);
        List<Double> attempts = new ArrayList<>();
        List<Double> delays = new ArrayList<>();
        for (int attempt = 0; ; attempt++) {
            FaultKind fault = plan.fault(site, url, attempt);
            long latency = plan.latencyMs(site, url, attempt);
            if (fault == null) {
                attempts.add(latency + transferMs(spec, bodyBytes));
                break;
            }
            attempts.add(fault == FaultKind.HANG ? (double) crawl.fetch().firstByteTimeoutMs() : (double) latency);
            if (!retry.canRetry(attempt + 1)) {
                break;
            }
            long retryAfter = fault == FaultKind.STATUS_503 || fault == FaultKind.STATUS_429
                    ? spec.faults().retryAfterSeconds() * 1000L : -1;
            delays.add((double) retry.delayMs(attempt + 1, retryAfter, SHORTEST_JITTER));
        }
        return new SimRequest(url, hostOf(site), depth, parents, requires, attempts, delays);
    }

    private static double transferMs(SiteSpec spec, long bytes) {
        return spec.bandwidth() > 0 ? bytes * 1000.0 / spec.bandwidth() : 0;
    }

    private Map<String, Double> hostDelays() {
        Map<String, Double> delays = new HashMap<>();
        for (SiteSpec spec : plan.config().sites()) {
            double crawlDelay = crawl.robots().obey()
                    ? Math.min(spec.crawlDelaySeconds() * 1000, crawl.robots().maxCrawlDelayMs()) : 0;
            delays.put(hostOf(spec.name()), Math.max(crawl.politeness().perHostDelayMs(), crawlDelay));
        }
        return delays;
    }

    private String baseUrl(String site) {
        return plan.baseUrl(site);
    }

    private String hostOf(String site) {
        return plan.baseUrl(site);
    }

    /** Equal jitter at its low end: the shortest wait the crawler's retry policy can choose. */
    private static final Random SHORTEST_JITTER = new Random() {
        @Override
        public long nextLong(long bound) {
            return 0;
        }
    };
}
