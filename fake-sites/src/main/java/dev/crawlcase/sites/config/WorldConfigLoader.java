package dev.crawlcase.sites.config;

import dev.crawlcase.json.ConfigException;
import dev.crawlcase.json.ConfigFile;
import dev.crawlcase.json.JsonFields;
import dev.crawlcase.json.JsonFiles;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads a {@link WorldConfig} from strict JSON; any problem is one {@code ConfigException} line. */
public final class WorldConfigLoader {
    private WorldConfigLoader() {
    }

    public static WorldConfig load(Path file) {
        return load(ConfigFile.of(file));
    }

    /** A world config on disk or bundled in the jar; a problem names it. */
    public static WorldConfig load(ConfigFile file) {
        try {
            return read(file.json());
        } catch (ConfigException e) {
            throw e.source().isEmpty() ? e.in(file.toString()) : e;
        }
    }

    public static WorldConfig parse(String json) {
        return read(JsonFiles.parse(json, "sites config"));
    }

    private static WorldConfig read(JsonObject root) {
        return new JsonFields(root, "").build(WorldConfigLoader::world);
    }

    private static WorldConfig world(JsonFields f) {
        long seed = f.integer("seed", 42);
        List<SiteSpec> sites = f.objects("sites", WorldConfigLoader::site);
        ContentCoding coding = ContentCoding.parse("contentEncoding", f.string("contentEncoding", "identity"));
        return new WorldConfig(seed, sites, f.bool("tls", false), coding, f.bool("http2", false));
    }

    private static SiteSpec site(JsonFields f) {
        SiteSpec d = SiteSpec.named("defaults");
        return new SiteSpec(
                f.requiredString("name"),
                (int) Math.min(Integer.MAX_VALUE, Math.max(Integer.MIN_VALUE, f.requiredInteger("port"))),
                f.smallInt("pages", d.pages()),
                f.smallInt("levels", d.levels()),
                distribution(f, "outDegree", d.outDegree()),
                distribution(f, "pageBytes", d.pageBytes()),
                f.smallInt("largePageBytes", 0),
                distribution(f, "latency", d.latency()),
                f.integer("bandwidth", 0),
                f.object("robots").build(WorldConfigLoader::robots),
                f.object("faults").build(WorldConfigLoader::faults),
                f.object("access").build(a -> new SiteAccess(a.string("user", null), a.string("password", null),
                        a.string("cookie", null))),
                f.bool("sitemaps", false),
                f.bool("directives", false));
    }

    private static Distribution distribution(JsonFields parent, String name, Distribution fallback) {
        if (!parent.has(name)) {
            return fallback;
        }
        return parent.object(name).build(f -> {
            String type = f.requiredString("type");
            return switch (type) {
                case "fixed" -> Distribution.fixed(f.number("value", 0));
                case "uniform" -> Distribution.uniform(f.number("min", 0), f.number("max", 0));
                case "lognormal" -> Distribution.lognormal(f.number("median", 0), f.number("sigma", 0), f.number("max", 0));
                default -> throw f.problem("type", "must be one of fixed, uniform, lognormal, got \"" + type + "\"");
            };
        });
    }

    private static RobotsSpec robots(JsonFields f) {
        RobotsSpec d = RobotsSpec.defaults();
        return new RobotsSpec(f.strings("disallow", d.disallow()), f.number("crawlDelay", d.crawlDelay()));
    }

    private static FaultSpec faults(JsonFields f) {
        FaultSpec d = FaultSpec.none();
        Map<FaultKind, Double> probabilities = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            probabilities.put(kind, f.number(kind.key(), 0));
        }
        return new FaultSpec(probabilities,
                f.smallInt("maxFaultsPerUrl", d.maxFaultsPerUrl()),
                f.smallInt("retryAfterSeconds", d.retryAfterSeconds()),
                f.strings("permanentPaths", List.of()),
                f.bool("robotsTxt", false));
    }
}
