package dev.crawlcase.sites.server;

import dev.crawlcase.sites.config.FaultKind;
import dev.crawlcase.sites.config.FaultSpec;
import dev.crawlcase.sites.model.Paths;
import dev.crawlcase.sites.model.Seeds;

/**
 * Which fault, if any, an attempt at a URL gets: a pure function of (seed, site, request target, attempt), so the
 * same world meets the same faults whatever ports its sites listen on. Transient
 * faults hit only attempts below {@code maxFaultsPerUrl}; permanent paths answer 500 on every attempt.
 */
public final class FaultPlan {
    private final long seed;
    private final String site;
    private final FaultSpec spec;

    public FaultPlan(long seed, String site, FaultSpec spec) {
        this.seed = seed;
        this.site = site;
        this.spec = spec;
    }

    /** The fault for this attempt, or null for a normal response. */
    public FaultKind decide(String path, String target, int attempt) {
        if (path.equals(Paths.ROBOTS) && !spec.robotsTxt()) {
            return null;
        }
        if (spec.isPermanent(path)) {
            return FaultKind.STATUS_500;
        }
        if (attempt >= spec.maxFaultsPerUrl()) {
            return null;
        }
        double roll = Seeds.unit(seed, site, target, attempt, "fault");
        double cumulative = 0;
        for (FaultKind kind : FaultKind.values()) {
            cumulative += spec.probability(kind);
            if (roll < cumulative) {
                return kind;
            }
        }
        return null;
    }
}
