package dev.crawlcase.archfixture.frontier;

import dev.crawlcase.archfixture.fetch.Fetcher;

/** Planted cycle for HouseTest: frontier -> fetch -> frontier. */
public final class Queue {
    public Fetcher fetcher() {
        return new Fetcher();
    }
}
