package dev.crawlcase.archfixture.url;

import dev.crawlcase.archfixture.task.Message;

/** Planted back edge for HouseTest: the leaf package reaching up into the messages. */
public final class Leaf {
    public Message up() {
        return new Message();
    }
}
