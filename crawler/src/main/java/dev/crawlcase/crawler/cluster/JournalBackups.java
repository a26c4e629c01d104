package dev.crawlcase.crawler.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;

/**
 * Makes sure the maps that keep the parts' journal copies ({@code task.CrawlAddresses#journalMap}) have a
 * synchronous backup on another member: a copy that lives only on its owner dies with it. A config that says
 * nothing of them gets {@code backup-count} 1 (Hazelcast's own default, made explicit); one that sets it to 0 is
 * refused in words.
 */
final class JournalBackups {
    static final String PATTERN = "crawlcase.journal.*";

    private JournalBackups() {
    }

    /** Adds the maps' config where none is given; the problem in words, or null. */
    static String apply(Config config) {
        MapConfig given = config.getMapConfigOrNull("crawlcase.journal.main");
        if (given == null) {
            config.addMapConfig(new MapConfig(PATTERN).setBackupCount(1));
            return null;
        }
        if (given.getBackupCount() < 1) {
            return "<map name=\"" + given.getName() + "\">: the parts' journal copies need <backup-count> 1 or more"
                    + " (with 0, a part dies with its node's disk)";
        }
        return null;
    }
}
