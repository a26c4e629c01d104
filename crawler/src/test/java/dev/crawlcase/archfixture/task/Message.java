package dev.crawlcase.archfixture.task;

/** Fixture for HouseTest. */
public final class Message {
}
