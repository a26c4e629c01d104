package dev.crawlcase.crawler.frontier;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;

/**
 * One host's robots.txt verdict.
 *
 * @param rules        crawler-commons rules (allow-all, allow-none, or parsed)
 * @param crawlDelayMs the Crawl-delay for our user-agent in ms, 0 when none was given (not yet capped)
 * @param reason       the reason of the skip records of the pages these rules disallow
 */
record HostRules(BaseRobotRules rules, long crawlDelayMs, String reason) {
    /** Skip reason for a page the host's robots.txt disallows (or, answering 429/5xx, disallows all of). */
    static final String DISALLOWED = "robots";
    /** Skip reason for a page of a host whose robots.txt could not be had (no answer, too many redirects). */
    static final String UNREACHABLE = "robots_unreachable";

    static HostRules of(BaseRobotRules rules) {
        long delay = rules.getCrawlDelay();
        return new HostRules(rules, delay == BaseRobotRules.UNSET_CRAWL_DELAY || delay < 0 ? 0 : delay, DISALLOWED);
    }

    /** RFC 9309 section 2.3.1.4: an unreachable robots.txt means complete disallow. */
    static HostRules unreachable() {
        return new HostRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), 0, UNREACHABLE);
    }

    boolean allowed(String url) {
        return rules.isAllowed(url);
    }
}
