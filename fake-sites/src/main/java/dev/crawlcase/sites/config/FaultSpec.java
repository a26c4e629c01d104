package dev.crawlcase.sites.config;

import dev.crawlcase.json.Check;
import dev.crawlcase.json.ConfigException;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Faults of one site. JSON keys (all optional):
 * <ul>
 * <li>{@code status500}, {@code status503}, {@code status429}, {@code reset}, {@code hang}, {@code truncated},
 * {@code malformedChunk}, {@code empty}: probability in [0, 1] of that fault per attempt (default 0; the sum
 * must be <= 1). The fault of an attempt is a pure function of (seed, site, url, attempt number).</li>
 * <li>{@code maxFaultsPerUrl}: transient faults hit only the first N attempts at a URL, so attempt N+1 always
 * succeeds (default 2, >= 0).</li>
 * <li>{@code retryAfterSeconds}: the Retry-After header of 503 and 429 (default 1, >= 0).</li>
 * <li>{@code permanentPaths}: paths (e.g. {@code "/s1/p9.html"}) that answer 500 on every attempt (default none).</li>
 * <li>{@code robotsTxt}: whether robots.txt may fault too (default false).</li>
 * </ul>
 */
public record FaultSpec(Map<FaultKind, Double> probabilities, int maxFaultsPerUrl, int retryAfterSeconds,
                        List<String> permanentPaths, boolean robotsTxt) {

    public FaultSpec {
        EnumMap<FaultKind, Double> copy = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            double p = probabilities.getOrDefault(kind, 0.0);
            copy.put(kind, Check.between(kind.key(), p, 0, 1));
        }
        double sum = copy.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum > 1 + 1e-9) {
            throw new ConfigException("", "sum of fault probabilities must be <= 1, got " + Check.show(sum));
        }
        probabilities = Map.copyOf(copy);
        Check.atLeast("maxFaultsPerUrl", maxFaultsPerUrl, 0);
        Check.atLeast("retryAfterSeconds", retryAfterSeconds, 0);
        permanentPaths = List.copyOf(permanentPaths);
        for (int i = 0; i < permanentPaths.size(); i++) {
            if (!permanentPaths.get(i).startsWith("/")) {
                throw new ConfigException("permanentPaths[" + i + "]", "must start with '/', got " + permanentPaths.get(i));
            }
        }
    }

    /** No faults at all. */
    public static FaultSpec none() {
        return new FaultSpec(Map.of(), 2, 1, List.of(), false);
    }

    public double probability(FaultKind kind) {
        return probabilities.get(kind);
    }

    public double total() {
        return probabilities.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public FaultSpec with(FaultKind kind, double probability) {
        EnumMap<FaultKind, Double> copy = new EnumMap<>(probabilities);
        copy.put(kind, probability);
        return new FaultSpec(copy, maxFaultsPerUrl, retryAfterSeconds, permanentPaths, robotsTxt);
    }

    public FaultSpec withMaxFaultsPerUrl(int max) {
        return new FaultSpec(probabilities, max, retryAfterSeconds, permanentPaths, robotsTxt);
    }

    public FaultSpec withRetryAfterSeconds(int seconds) {
        return new FaultSpec(probabilities, maxFaultsPerUrl, seconds, permanentPaths, robotsTxt);
    }

    public FaultSpec withPermanentPaths(List<String> paths) {
        return new FaultSpec(probabilities, maxFaultsPerUrl, retryAfterSeconds, paths, robotsTxt);
    }

    public FaultSpec withRobotsTxt(boolean faultRobots) {
        return new FaultSpec(probabilities, maxFaultsPerUrl, retryAfterSeconds, permanentPaths, faultRobots);
    }

    public boolean isPermanent(String path) {
        return permanentPaths.contains(path);
    }
}
