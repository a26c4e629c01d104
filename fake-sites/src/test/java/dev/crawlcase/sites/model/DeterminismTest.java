package dev.crawlcase.sites.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawlcase.sites.TestWorlds;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Same seed and ports, same bytes; another seed, another site. */
class DeterminismTest {
    private static final Map<String, String> BASES = Map.of("alpha", "http://127.0.0.1:1111/",
            "beta", "http://127.0.0.1:2222/", "gamma", "http://127.0.0.1:3333/");

    private static Map<String, byte[]> render(WorldConfig config) {
        Replies replies = new Replies(config.seed(), BASES);
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (SiteSpec spec : config.sites()) {
            SiteModel site = SiteGenerator.generate(config.seed(), spec, config.siteNames());
            site.resources().forEach((target, resource) ->
                    out.put(spec.name() + target, replies.reply(site, resource).body()));
            out.put(spec.name() + "/robots.txt", replies.robots(site).body());
        }
        return out;
    }

    @Test
    void sameSeedGivesTheSameBytes() {
        Map<String, byte[]> first = render(TestWorlds.threeSites(99));
        Map<String, byte[]> second = render(TestWorlds.threeSites(99));
        assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
        first.forEach((key, bytes) -> assertThat(second.get(key)).as(key).isEqualTo(bytes));
    }

    @Test
    void anotherSeedGivesAnotherSite() {
        Map<String, byte[]> first = render(TestWorlds.threeSites(99));
        Map<String, byte[]> other = render(TestWorlds.threeSites(100));
        assertThat(other.get("alpha/")).isNotEqualTo(first.get("alpha/"));
        assertThat(other.get("alpha/s1/p1.html")).isNotEqualTo(first.get("alpha/s1/p1.html"));
    }

    @Test
    void levelsGiveSeveralBreadthFirstDepths() {
        SiteSpec spec = SiteSpec.named("news").withPages(200, 5);
        SiteModel site = SiteGenerator.generate(42, spec, java.util.List.of("news"));
        assertThat(site.resources()).containsKeys("/", "/s1/p1.html", "/s3/p199.html", "/r/chain/5", "/static/logo.png");
        assertThat(site.resolve("/list?sort=asc&page=2")).isSameAs(site.resolve("/list?page=2&sort=asc"));
        assertThat(site.resolve("/list?page=4&sort=asc")).isInstanceOf(Resource.Missing.class);
        assertThat(site.resolve("/calendar/2026-13")).isInstanceOf(Resource.Missing.class);
    }
}
