package dev.crawlcase.crawler.frontier;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.Reasons;

/**
 * One host's robots.txt verdict.
 *
 * @param rules        crawler-commons rules (allow-all, allow-none, or parsed)
 * @param crawlDelayMs the Crawl-delay for our user-agent in ms, 0 when none was given (not yet capped)
 * @param outcome      the outcome of the records of the pages these rules disallow: SKIPPED, or FAILED when no
 *                     server was there to ask
 * @param reason       the reason of those records
 */
record HostRules(BaseRobotRules rules, long crawlDelayMs, Outcome outcome, String reason) {
    /** Skip reason for a page the host's robots.txt disallows (or, answering 429/5xx, disallows all of). */
    static final String DISALLOWED = "robots";
    /** Skip reason for a page of a host whose robots.txt could not be had (no answer, too many redirects). */
    static final String UNREACHABLE = "robots_unreachable";

    static HostRules of(BaseRobotRules rules) {
        long delay = rules.getCrawlDelay();
        return new HostRules(rules, delay == BaseRobotRules.UNSET_CRAWL_DELAY || delay < 0 ? 0 : delay,
                Outcome.SKIPPED, DISALLOWED);
    }

    /** RFC 9309 section 2.3.1.4: an unreachable robots.txt means complete disallow. */
    static HostRules unreachable() {
        return new HostRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), 0, Outcome.SKIPPED,
                UNREACHABLE);
    }

    /**
     * No server at the host's own robots.txt (connection refused, unknown host): unreachable too, so nothing is
     * fetched, but its pages fail with that error rather than a skip, since the host, not its robots.txt, is what
     * is missing, and the error says what to fix.
     */
    static HostRules noServer(ErrorKind error) {
        return new HostRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), 0, Outcome.FAILED,
                Reasons.of(error));
    }

    boolean allowed(String url) {
        return rules.isAllowed(url);
    }
}
