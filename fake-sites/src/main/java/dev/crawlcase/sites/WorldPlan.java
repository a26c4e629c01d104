package dev.crawlcase.sites;

import dev.crawlcase.sites.config.FaultKind;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import dev.crawlcase.sites.model.Ref;
import dev.crawlcase.sites.model.Replies;
import dev.crawlcase.sites.model.Seeds;
import dev.crawlcase.sites.model.SiteGenerator;
import dev.crawlcase.sites.model.SiteModel;
import dev.crawlcase.sites.model.ReferenceNormalizer;
import dev.crawlcase.sites.server.FaultPlan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a world will do, known without serving it: given its config and the base URL each site is bound to
 * (possibly in another process), the ground truth of a crawl and, for any request, the time to first byte and
 * the fault the servers will answer with. Tools use it to model a crawl (the ideal-time simulation).
 */
public final class WorldPlan {
    private final WorldConfig config;
    private final Map<String, SiteModel> sites = new LinkedHashMap<>();
    private final Map<String, String> baseUrls;
    private final Map<String, FaultPlan> faults = new LinkedHashMap<>();

    public WorldPlan(WorldConfig config, Map<String, String> baseUrls) {
        this.config = config;
        this.baseUrls = Map.copyOf(baseUrls);
        for (SiteSpec spec : config.sites()) {
            sites.put(spec.name(), SiteGenerator.generate(config.seed(), spec, config.siteNames()));
            faults.put(spec.name(), new FaultPlan(config.seed(), spec.name(), spec.faults()));
        }
    }

    public GroundTruth groundTruth(CrawlRules rules) {
        return new GroundTruthWalker(sites, baseUrls, new Replies(config.seed(), baseUrls), rules).walk();
    }

    /** Time to first byte the site waits for this attempt (0 = first) at this normalised URL. */
    public long latencyMs(String site, String url, int attempt) {
        return spec(site).latency().sampleLong(Seeds.random(config.seed(), site, ReferenceNormalizer.target(url), attempt,
                "latency"));
    }

    /** The fault this attempt (0 = first) at this normalised URL gets, or null for a normal answer. */
    public FaultKind fault(String site, String url, int attempt) {
        String target = ReferenceNormalizer.target(url);
        return faults.get(site).decide(new Ref(site, target).path(), target, attempt);
    }

    /** {@code http://127.0.0.1:PORT/} of a site. */
    public String baseUrl(String site) {
        return baseUrls.get(site);
    }

    public SiteSpec spec(String site) {
        return config.site(site);
    }

    public WorldConfig config() {
        return config;
    }
}
