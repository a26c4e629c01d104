package dev.crawlcase.archfixture.fetch;

import dev.crawlcase.archfixture.frontier.Queue;

/** Planted cycle for HouseTest: fetch reaching back into the frontier. */
public final class Fetcher {
    public Queue back() {
        return null;
    }
}
