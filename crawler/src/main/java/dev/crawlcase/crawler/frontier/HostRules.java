package dev.crawlcase.crawler.frontier;

import crawlercommons.robots.BaseRobotRules;

/**
 * One host's robots.txt verdict.
 *
 * @param rules        crawler-commons rules (allow-all, allow-none, or parsed)
 * @param crawlDelayMs the Crawl-delay for our user-agent in ms, 0 when none was given (not yet capped)
 */
record HostRules(BaseRobotRules rules, long crawlDelayMs) {

    static HostRules of(BaseRobotRules rules) {
        long delay = rules.getCrawlDelay();
        return new HostRules(rules, delay == BaseRobotRules.UNSET_CRAWL_DELAY || delay < 0 ? 0 : delay);
    }

    boolean allowed(String url) {
        return rules.isAllowed(url);
    }
}
