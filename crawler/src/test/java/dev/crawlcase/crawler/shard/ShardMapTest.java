package dev.crawlcase.crawler.shard;

import dev.crawlcase.crawler.url.HostKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cut of a crawl's hosts: the seeds' hosts dealt evenly, every other host by the same hash as before the deal,
 * one answer whatever the case or default port of a URL's origin.
 */
class ShardMapTest {
    private static final int HOSTS = 48;

    /** 48 loopback sites on ephemeral ports, as the scaling bench starts them. */
    private static List<String> seeds(Random rnd) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < HOSTS) {
            ports.add(32_768 + rnd.nextInt(28_000));
        }
        List<String> seeds = new ArrayList<>();
        ports.forEach(p -> seeds.add("http://127.0.0.1:" + p + "/"));
        return seeds;
    }

    @ParameterizedTest(name = "{0} parts")
    @ValueSource(ints = {2, 3, 4})
    void theSeedsHostsAreDealtSoTheLargestPartHoldsNoMoreThanItsShare(int parts) {
        Random rnd = new Random(14L * parts);
        int share = (HOSTS + parts - 1) / parts;
        for (int draw = 0; draw < 200; draw++) {
            List<String> seeds = seeds(rnd);
            ShardMap map = ShardMap.dealing(seeds, parts);
            int[] hosts = new int[parts];
            seeds.forEach(s -> hosts[map.shardOf(HostKey.of(s))]++);
            for (int h : hosts) {
                assertThat(h).as("seed hosts of a part, draw %d", draw).isBetween(HOSTS / parts, share);
            }
        }
    }

    @Test
    void aHashAloneCutsFortyEightHostsUnevenly() {
        // why the deal: under the hash, 3 parts of 48 hosts are hardly ever 16, 16, 16
        Random rnd = new Random(3);
        int uneven = 0;
        for (int draw = 0; draw < 200; draw++) {
            ShardMap hash = new ShardMap(3);
            int[] hosts = new int[3];
            seeds(rnd).forEach(s -> hosts[hash.shardOf(HostKey.of(s))]++);
            if (Math.max(hosts[0], Math.max(hosts[1], hosts[2])) > 16) {
                uneven++;
            }
        }
        assertThat(uneven).isGreaterThan(150);
    }

    @Test
    void hostsThatAreNoSeedsHashAsBefore() {
        ShardMap map = ShardMap.dealing(List.of("http://127.0.0.1:8081/", "http://127.0.0.1:8083/"), 3);
        // the values of the hash before hosts were dealt (ShardMap(n).shardOf), which state folders rely on
        assertThat(map.shardOf("http://127.0.0.1:8082")).isEqualTo(2);
        assertThat(new ShardMap(5).shardOf("http://127.0.0.1:8082")).isEqualTo(3);
        assertThat(new ShardMap(4).shardOf("http://[::1]:9000")).isEqualTo(2);
        assertThat(new ShardMap(2).shardOf("https://localhost:443")).isZero();
        assertThat(map.dealt()).containsExactly(Map.entry("http://127.0.0.1:8081", 0),
                Map.entry("http://127.0.0.1:8083", 1));
        assertThat(new ShardMap(3).dealt()).isEmpty();
    }

    @Test
    void anOriginThatDiffersFromASeedsOnlyInCaseOrDefaultPortIsTheSeedsHost() {
        List<String> seeds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seeds.add("HTTP://Site" + i + ".Localhost:80/start");
        }
        seeds.add("https://secure.localhost/");
        ShardMap map = ShardMap.dealing(seeds, 3);
        for (int i = 0; i < 8; i++) {
            int dealt = map.dealt().get("http://site" + i + ".localhost:80");
            assertThat(map.shardOf(HostKey.of("http://site" + i + ".localhost/a"))).isEqualTo(dealt);
        }
        assertThat(map.dealt()).containsKey("https://secure.localhost:443");
        // a table written by hand (or by an older writer) is read in the same normal form
        ShardMap written = new ShardMap(3, Map.of("HTTP://Site0.LOCALHOST", 2));
        assertThat(written.shardOf(HostKey.of("http://site0.localhost/"))).isEqualTo(2);
        assertThat(written).isEqualTo(new ShardMap(3, Map.of("http://site0.localhost:80", 2)));
    }

    @Test
    void aTableThatCannotBeAMapIsRefused() {
        assertThatThrownBy(() -> new ShardMap(2, Map.of("http://127.0.0.1:8081", 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not within 0..1");
        assertThatThrownBy(() -> new ShardMap(2, Map.of("ftp://127.0.0.1:21", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a host");
        assertThatThrownBy(() -> new ShardMap(2, Map.of("http://a.localhost", 0, "HTTP://A.localhost:80", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dealt to shards");
    }
}
