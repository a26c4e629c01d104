package dev.crawlcase.sites.config;

import dev.crawlcase.json.Check;
import dev.crawlcase.json.ConfigException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole fake world. JSON keys: {@code seed} (integer, default 42), {@code sites} (a non-empty array
 * of {@link SiteSpec}) and {@code tls} (boolean, default false: every site serves https with a self-signed
 * certificate made at start) and {@code contentEncoding} ({@link ContentCoding}, default identity: bodies are sent
 * in that coding to a client whose Accept-Encoding names it) and {@code http2} (boolean, default false: HTTP/2 is
 * offered beside HTTP/1.1, by ALPN over TLS and as h2c on plain connections). The same seed and specs always
 * generate the same sites.
 */
public record WorldConfig(long seed, List<SiteSpec> sites, boolean tls, ContentCoding coding, boolean http2) {

    public WorldConfig {
        sites = List.copyOf(Check.notNull("sites", sites));
        Check.notNull("contentEncoding", coding);
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

    public WorldConfig(long seed, List<SiteSpec> sites) {
        this(seed, sites, false, ContentCoding.IDENTITY, false);
    }

    public static WorldConfig of(long seed, SiteSpec... sites) {
        return new WorldConfig(seed, List.of(sites));
    }

    /** The same world with every port set to 0, so each site binds an ephemeral port (for tests). */
    public WorldConfig withEphemeralPorts() {
        return withSites(sites.stream().map(s -> s.withPort(0)).toList());
    }

    public WorldConfig withSeed(long newSeed) {
        return new WorldConfig(newSeed, sites, tls, coding, http2);
    }

    public WorldConfig withSites(List<SiteSpec> newSites) {
        return new WorldConfig(seed, newSites, tls, coding, http2);
    }

    /** The same world served over TLS (https URLs) or plain HTTP. */
    public WorldConfig withTls(boolean serveTls) {
        return new WorldConfig(seed, sites, serveTls, coding, http2);
    }

    /** The same world sending its bodies in this coding to clients that accept it. */
    public WorldConfig withCoding(ContentCoding newCoding) {
        return new WorldConfig(seed, sites, tls, newCoding, http2);
    }

    /** The same world offering HTTP/2 (h2 by ALPN, h2c) beside HTTP/1.1, or HTTP/1.1 only. */
    public WorldConfig withHttp2(boolean offer) {
        return new WorldConfig(seed, sites, tls, coding, offer);
    }

    public SiteSpec site(String name) {
        return sites.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no site named " + name));
    }

    public List<String> siteNames() {
        return sites.stream().map(SiteSpec::name).toList();
    }
}
