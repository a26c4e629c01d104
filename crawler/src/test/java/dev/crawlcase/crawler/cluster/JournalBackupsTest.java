package dev.crawlcase.crawler.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts' journal copies keep a synchronous backup: given by default, refused when a config sets none. */
class JournalBackupsTest {
    @Test
    void aConfigThatSaysNothingGetsOneBackupAndOneThatSetsNoneIsRefused() {
        Config bundled = HazelcastConfig.load(null);
        assertThat(bundled.getMapConfig("crawlcase.journal.some-crawl").getBackupCount()).isEqualTo(1);

        Config none = new Config().addMapConfig(new MapConfig("crawlcase.journal.*").setBackupCount(0));
        assertThat(JournalBackups.apply(none)).contains("<map name=\"crawlcase.journal.*\">")
                .contains("<backup-count> 1 or more");
        Config two = new Config().addMapConfig(new MapConfig("crawlcase.*").setBackupCount(2));
        assertThat(JournalBackups.apply(two)).isNull();
    }
}
