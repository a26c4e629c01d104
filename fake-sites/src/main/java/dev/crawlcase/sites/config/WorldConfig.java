package dev.crawlcase.sites.config;

import dev.crawlcase.json.Check;
import dev.crawlcase.json.ConfigException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole fake world. JSON keys: {@code seed} (integer, default 42) and {@code sites} (a non-empty array
 * of {@link SiteSpec}). The same seed and specs always generate the same sites.
 */
public record WorldConfig(long seed, List<SiteSpec> sites) {

    public WorldConfig {
        sites = List.copyOf(Check.notNull("sites", sites));
        if (sites.isEmpty()) {
            throw new ConfigException("sites", "must contain at least one site");
        }
        Map<String, Integer> names = new HashMap<>();
        Map<Integer, Integer> ports = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            SiteSpec site = sites.get(i);
            if (names.putIfAbsent(site.name(), i) != null) {
                throw new ConfigException("sites[" + i + "].name", "duplicate site name " + site.name());
            }
            if (site.port() != 0 && ports.putIfAbsent(site.port(), i) != null) {
                throw new ConfigException("sites[" + i + "].port", "duplicate port " + site.port());
            }
        }
    }

    public static WorldConfig of(long seed, SiteSpec... sites) {
        return new WorldConfig(seed, List.of(sites));
    }

    /** The same world with every port set to 0, so each site binds an ephemeral port (for tests). */
    public WorldConfig withEphemeralPorts() {
        return new WorldConfig(seed, sites.stream().map(s -> s.withPort(0)).toList());
    }

    public WorldConfig withSeed(long newSeed) {
        return new WorldConfig(newSeed, sites);
    }

    public SiteSpec site(String name) {
        return sites.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no site named " + name));
    }

    public List<String> siteNames() {
        return sites.stream().map(SiteSpec::name).toList();
    }
}
